package org.borderflows.benchmarks.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.borderflows.engine.topology.SyntheticCrossings;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.Crossing;

/**
 * Bench only: the order in which the backfill bench writes {@link SyntheticCrossings} to its topic.
 *
 * <ul>
 *   <li>{@link #TIME} (the default): the whole topic in time order, as cards recorded over six years and replayed
 *       are. Travellers are made in blocks of 50,000 whose itineraries start in consecutive stretches of the four
 *       starting years; a crossing is written once no later block can bring an earlier one (those not yet written
 *       wait encoded in a queue: 1.18 million of 10 million at the peak).
 *   <li>{@link #BLOCKS}: each block of 50,000 travellers in time order on its own, over all six years, one block
 *       after the other (the layout of the figures before 30 November 2026). The processing clock reaches June 2026
 *       in the first block and stays there: every later crossing is judged against a clock years ahead of it (its
 *       12/16 outcome final at once, revised when the traveller's next crossing arrives) and, under the review
 *       design those figures measured, no review date was reached again, so the engine did a good deal less than
 *       in a replay.
 * </ul>
 */
public enum BenchLayout {
    TIME,
    BLOCKS;

    private static final int BLOCK = 50_000;

    /** One crossing as written: its time, its key and its encoded value. */
    public record Card(long crossedAtMs, String travellerId, byte[] value) {}

    /** Makes {@code size} crossings in this layout and hands them to {@code out}; returns the number of travellers. */
    public long fill(long size, Consumer<Card> out) {
        AvroSerde<Crossing> serde = AvroSerde.of(Crossing.class);
        SyntheticCrossings generator = new SyntheticCrossings(20_26L);
        // About four crossings per traveller: so many blocks that their stretches cover the starting years once.
        long blocks = Math.max(1, size / (4L * BLOCK));
        PriorityQueue<Card> waiting = new PriorityQueue<>(Comparator.comparingLong(Card::crossedAtMs));
        long made = 0;
        long traveller = 0;
        for (long block = 0; made < size; block++) {
            // Past the estimate, further blocks start in the last stretch again.
            long stretch = Math.min(block, blocks - 1);
            int from = (int) (stretch * SyntheticCrossings.START_DAYS / blocks);
            int to = (int) ((stretch + 1) * SyntheticCrossings.START_DAYS / blocks);
            List<Crossing> fresh = new ArrayList<>();
            for (int i = 0; i < BLOCK && made + fresh.size() < size; i++) {
                int day = this == TIME ? from + (int) ((long) i * (to - from) / BLOCK) : -1;
                fresh.addAll(generator.traveller(traveller++, day));
            }
            if (made + fresh.size() > size) { // the last traveller's crossings beyond SIZE
                fresh.subList((int) (size - made), fresh.size()).clear();
            }
            made += fresh.size();
            for (Crossing c : fresh) {
                waiting.add(new Card(c.getCrossedAt().toEpochMilli(), c.getTravellerId(), serde.serialize(null, c)));
            }
            // Time order: the next block starts its itineraries no earlier than the end of this stretch (past the
            // estimate: the start of the last one), so every crossing before that can go. Blocks: all of them.
            long sendBefore = Long.MAX_VALUE;
            if (this == TIME && made < size) {
                sendBefore = SyntheticCrossings.startOfDay(block + 1 < blocks ? to : from);
            }
            while (!waiting.isEmpty() && waiting.peek().crossedAtMs() < sendBefore) {
                out.accept(waiting.poll());
            }
        }
        return traveller;
    }
}
