package org.borderflows.engine.topology;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.borderflows.domain.CrossingFact;
import org.borderflows.domain.Evaluation;
import org.borderflows.domain.TravellerTimeline;
import org.borderflows.platform.Topic;
import org.borderflows.platform.streams.BeforeCommit;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.QualityIssue;
import org.borderflows.schema.Spell;
import org.borderflows.schema.TravellerStatus;

/**
 * The engine's one processor: per traveller, applies each crossing to the kept history, re-evaluates it with
 * {@link TravellerTimeline#evaluate} (RULES.md §3-§5, §7), and writes only the values whose facts changed.
 *
 * <p><b>Facts, not time</b> (RULES.md §8): a value is written when a crossing, a correction or a late record changes
 * its facts and dates, never because the clock passed a threshold. Its clock-dependent fields (an open spell's
 * class, an outcome's provisional flag, a suspected overstay) hold their values at the value's {@code asOf};
 * readers derive them at their own clock with {@link org.borderflows.domain.AtClock}. So there are no reviews.
 *
 * <p>The <b>processing clock</b> (RULES.md §8) is the task's stream time, never the wall clock: the latest
 * {@code crossedAt} seen on this partition, or the latest clock tick other tasks broadcast (so quiet partitions
 * advance too). Values are evaluated at its date (their {@code asOf}). What a crossing still to come may
 * change (lateness, pruning) is judged on the traveller's own crossings only, never on a clock: a partition's
 * clock depends on how the intake tasks' outputs and other tasks' ticks happen to interleave.
 *
 * <p>Runbook of one crossing:
 *
 * <ol>
 *   <li>a crossing dated more than the horizon before the traveller's latest crossing is late: it is not applied,
 *       it goes to {@code late-crossings} with a LATE finding;
 *   <li>otherwise it joins the history (in any order: the rules sort, and count duplicates once), the history is
 *       evaluated at the processing clock, and every spell, outcome, finding and the status whose fingerprint
 *       changed is written; an output key no longer produced is retracted with a tombstone (written values are
 *       held until the task commits, the latest per key: {@link #write});
 *   <li>the history is pruned at the traveller's latest date (final crossings that no crossing dated on or after
 *       latest - horizon can reach are folded into a carry), and its state is held until the task commits
 *       ({@link #held}).
 * </ol>
 */
final class TravellerProcessor implements Processor<String, Crossing, String, EngineOutput> {
    /** Prune only once a history is longer than this: most travellers cross a few times and never need it. */
    private static final int PRUNE_ABOVE = 6;

    private static final String SPELL = "S|";
    private static final String OUTCOME = "O|";
    private static final String STATUS = "T|";

    /**
     * Outputs held at most per task before the commit: beyond, they are written at once (memory stays bounded
     * whatever the commit interval; about 1 KB each as records).
     */
    static final int MAX_PENDING_OUTPUTS = 10_000;

    /** Traveller states held at most per task before the commit (a few KB each, decoded); beyond, stored at once. */
    static final int MAX_HELD_STATES = 10_000;

    private final EngineSettings settings;
    private final OutputEncoder encoder = new OutputEncoder();
    /**
     * This commit interval's outputs, the latest per topic and key, written just before the commit (see
     * {@link #write}). In memory only: a task that dies before its commit aborts its transaction and reads its
     * crossings again.
     */
    private final Map<OutputKey, Pending> pending = new LinkedHashMap<>();
    /**
     * This commit interval's traveller states, decoded, put in the travellers store just before the commit with the
     * outputs. A traveller crossing again within the interval is neither read from the store nor decoded again,
     * and is stored (encoded, changelogged) once. This replaces Kafka Streams' record cache on that store, whose
     * sorted map of byte keys cost 17% of a backfill (JFR, 2 M crossings) for the same once-per-commit write.
     * Dropped with the task like {@link #pending}: the store and its changelog are at the last commit then.
     */
    private final Map<String, TravellerState> held = new HashMap<>();
    /**
     * False outside a Kafka Streams task (unit tests with Kafka's mock context): outputs and states are written at
     * once.
     */
    private boolean holdOutputs;

    private final AvroSerde<Crossing> crossingSerde = AvroSerde.of(Crossing.class);
    private ProcessorContext<String, EngineOutput> context;
    private KeyValueStore<String, byte[]> travellers;

    private KeyValueStore<String, Long> clock;
    /** The start of the local date after the last tick this task broadcast (epoch ms). */
    private long nextBroadcastMs = Long.MIN_VALUE;

    /** The clock store's value, kept in memory: read on every crossing, written only when it moves. */
    private long clockMs = Long.MIN_VALUE;

    private long storedClockMs = Long.MIN_VALUE;

    TravellerProcessor(EngineSettings settings) {
        this.settings = settings;
    }

    /**
     * Everything in memory is rebuilt here from the stores, never carried over: Kafka Streams calls {@code init}
     * again on the same processor instance when it revives a task (e.g. a corrupted task under exactly-once, after
     * an aborted transaction): the stores are back at the last commit and the records since are processed again,
     * so the ticks of that stretch must be broadcast again too.
     */
    @Override
    public void init(ProcessorContext<String, EngineOutput> context) {
        this.context = context;
        this.travellers = context.getStateStore(StayTopology.TRAVELLERS_STORE);
        this.clock = context.getStateStore(StayTopology.CLOCK_STORE);
        Long known = clock.get(StayTopology.CLOCK_KEY);
        this.clockMs = known == null ? Long.MIN_VALUE : known;
        this.storedClockMs = clockMs;
        this.nextBroadcastMs = Long.MIN_VALUE;
        this.pending.clear();
        this.held.clear();
        this.holdOutputs = BeforeCommit.register(context, StayTopology.BEFORE_COMMIT, this::beforeCommit);
    }

    @Override
    public void process(Record<String, Crossing> record) {
        Crossing crossing = record.value();
        if (crossing == null) {
            return;
        }
        long now = advanceClock(context.currentStreamTimeMs());
        long crossedAtMs = crossing.getCrossedAt().toEpochMilli();
        broadcast(crossedAtMs);
        LocalDate today = settings.clockDate(now);
        CrossingFact fact = CrossingFact.from(crossing);
        String travellerId = crossing.getTravellerId();
        TravellerState state = load(travellerId);
        if (state == null) {
            state = TravellerState.empty();
        }
        if (isLate(state, fact)) {
            rejectLate(crossing, today, now);
            return;
        }
        state.crossings.add(fact);
        if (state.latestDate == null || fact.date().isAfter(state.latestDate)) {
            state.latestDate = fact.date();
        }
        evaluateAndSave(travellerId, state, today, now);
    }

    /**
     * RULES.md §9 "late records": a crossing that arrives after later crossings of the same traveller and is dated
     * more than the horizon (30 days by default) before the latest of them. Outputs that old have been published,
     * may be final and their crossings pruned; they are not rewritten.
     *
     * <p>Measured against the traveller's own latest crossing, not a clock. A crossings partition interleaves the
     * outputs of all intake tasks, which at backfill speed run weeks of crossing time apart, and other tasks' ticks
     * move the processing clock whenever they arrive: a test against either set up to 62,800 of 100,602 cards of
     * a simulated backfill aside as late and differed between a run and its replay. Only each traveller's own
     * order survives the intake (one inbound partition, one intake task). So a traveller's first crossing, or one
     * newer than all its others, is never late (issue 4's reading; the simulator truth and the DuckDB peer judge
     * it per traveller too).
     */
    private boolean isLate(TravellerState state, CrossingFact fact) {
        return state.latestDate != null && fact.date().isBefore(state.latestDate.minusDays(settings.horizonDays()));
    }

    private void rejectLate(Crossing crossing, LocalDate today, long now) {
        forward(Topic.LATE_CROSSINGS, crossing.getTravellerId(), crossingSerde.serialize(null, crossing), now);
        QualityEvent late = QualityEvent.newBuilder()
                .setIssue(QualityIssue.LATE)
                .setEventId(crossing.getEventId())
                .setTravellerId(crossing.getTravellerId())
                .setCrossingDate(crossing.getCrossingDate())
                .setBorderPost(crossing.getBorderPost())
                .setOccurrences(1)
                .setAsOf(today)
                .build();
        write(Topic.QUALITY_EVENTS, QualityIssue.LATE.name() + ":" + crossing.getEventId(), late, now);
    }

    private void evaluateAndSave(String travellerId, TravellerState state, LocalDate today, long now) {
        Evaluation evaluation = TravellerTimeline.evaluate(state.carry, state.crossings, today, settings.rules());
        emitChanges(travellerId, state, evaluation, now);
        if (state.crossings.size() > PRUNE_ABOVE) {
            prune(state);
        }
        held.put(travellerId, state);
        if (!holdOutputs || held.size() >= MAX_HELD_STATES) {
            storeHeld();
        }
    }

    /** The traveller's state: held in this commit interval, else from the store; null when unknown. */
    private TravellerState load(String travellerId) {
        TravellerState state = held.get(travellerId);
        if (state != null) {
            return state;
        }
        byte[] stored = travellers.get(travellerId);
        return stored == null ? null : TravellerState.decode(travellerId, stored);
    }

    private void storeHeld() {
        List<KeyValue<String, byte[]>> batch = new ArrayList<>(held.size());
        held.forEach((travellerId, state) -> batch.add(KeyValue.pair(travellerId, state.encode())));
        travellers.putAll(batch); // one RocksDB write batch
        held.clear();
    }

    /** Just before each commit: the held states to the store, the held outputs to their topics. */
    private void beforeCommit() {
        storeHeld();
        writePending();
    }

    /**
     * Drops crossings no rule can look at again. Their outputs stay published as they are (final): their keys
     * leave {@code emitted}, so they are neither rewritten nor retracted later.
     *
     * <p>At the traveller's latest date: {@code TravellerTimeline.prune} keeps every crossing that a crossing dated
     * on or after {@code latest - horizon} can reach, and {@link #isLate} lets in only such crossings (the latest
     * date never goes back). Finality is judged at that date too: never later than at the processing clock, so
     * nothing still provisional there is dropped.
     */
    private void prune(TravellerState state) {
        TravellerTimeline.Pruned pruned = TravellerTimeline.prune(
                state.carry, state.crossings, state.latestDate, settings.rules(), settings.horizonDays());
        if (pruned.kept().size() == state.crossings.size()) {
            return;
        }
        Set<String> kept = new HashSet<>();
        pruned.kept().forEach(f -> kept.add(f.eventId()));
        state.carry = pruned.carry();
        state.crossings.clear();
        state.crossings.addAll(pruned.kept());
        state.emitted.keySet().removeIf(k -> !k.equals(STATUS) && !kept.contains(eventIdOf(k)));
    }

    private void emitChanges(String travellerId, TravellerState state, Evaluation evaluation, long now) {
        Map<String, Long> before = state.emitted;
        Map<String, Long> after = new LinkedHashMap<>(Math.max(16, before.size() * 2));
        for (Spell spell : evaluation.spells()) {
            String tag = SPELL + spell.getStartEventId();
            long fp = encoder.fingerprint(spell);
            if (after.put(tag, fp) == null && !Long.valueOf(fp).equals(before.get(tag))) {
                write(Topic.SPELLS, spell.getSpellId(), spell, now);
            }
        }
        for (CrossingOutcome outcome : evaluation.outcomes()) {
            String tag = OUTCOME + outcome.getEventId();
            long fp = encoder.fingerprint(outcome);
            if (after.put(tag, fp) == null && !Long.valueOf(fp).equals(before.get(tag))) {
                write(Topic.CROSSING_OUTCOMES, outcome.getEventId(), outcome, now);
            }
        }
        for (QualityEvent finding : evaluation.findings()) {
            String tag = qualityTag(finding.getIssue(), finding.getEventId());
            long fp = encoder.fingerprint(finding);
            if (after.put(tag, fp) == null && !Long.valueOf(fp).equals(before.get(tag))) {
                write(Topic.QUALITY_EVENTS, qualityKey(finding.getIssue(), finding.getEventId()), finding, now);
            }
        }
        TravellerStatus status = evaluation.status();
        if (status != null) {
            long fp = encoder.fingerprint(status);
            after.put(STATUS, fp);
            if (!Long.valueOf(fp).equals(before.get(STATUS))) {
                write(Topic.TRAVELLER_STATUS, travellerId, status, now);
            }
        }
        for (String tag : before.keySet()) {
            if (!after.containsKey(tag)) {
                retract(travellerId, tag, now);
            }
        }
        state.emitted = after;
    }

    /** A tombstone for an output the history no longer produces, so compacted readers drop it (never double count). */
    private void retract(String travellerId, String tag, long now) {
        String eventId = eventIdOf(tag);
        if (tag.startsWith(SPELL)) {
            write(Topic.SPELLS, travellerId + ":" + eventId, null, now);
        } else if (tag.startsWith(OUTCOME)) {
            write(Topic.CROSSING_OUTCOMES, eventId, null, now);
        } else if (tag.startsWith(STATUS)) {
            write(Topic.TRAVELLER_STATUS, travellerId, null, now);
        } else {
            write(Topic.QUALITY_EVENTS, tag.substring(1, tag.indexOf('|')) + ":" + eventId, null, now);
        }
    }

    private static String qualityTag(QualityIssue issue, String eventId) {
        return "Q" + issue.name() + "|" + eventId;
    }

    private static String qualityKey(QualityIssue issue, String eventId) {
        return issue.name() + ":" + eventId;
    }

    private static String eventIdOf(String tag) {
        return tag.substring(tag.indexOf('|') + 1);
    }

    private void forward(Topic topic, String key, byte[] value, long timestamp) {
        context.forward(new Record<>(key, new EngineOutput(topic, value), timestamp));
    }

    /**
     * Writes a value (null: a tombstone) to a compacted output topic, keeping only the latest per key until the
     * commit: a reader of a compacted topic needs only the last value of a key, and a traveller crossing again
     * within one commit interval (a backfill, a commuter) re-writes the same outcomes and status. Encoded when
     * written, so values replaced meanwhile are never encoded. Written just before the commit ({@link
     * BeforeCommit}), inside the transaction of the crossings they come from.
     */
    private void write(Topic topic, String key, SpecificRecord value, long timestamp) {
        pending.put(new OutputKey(topic, key), new Pending(value, timestamp));
        if (!holdOutputs || pending.size() >= MAX_PENDING_OUTPUTS) {
            writePending();
        }
    }

    private void writePending() {
        for (Map.Entry<OutputKey, Pending> e : pending.entrySet()) {
            Pending p = e.getValue();
            byte[] bytes = p.value() == null ? null : encoder.encode(p.value());
            forward(e.getKey().topic(), e.getKey().key(), bytes, p.timestamp());
        }
        pending.clear();
    }

    private record OutputKey(Topic topic, String key) {}

    private record Pending(SpecificRecord value, long timestamp) {}

    /** The processing clock: the task's stream time, kept in the clock store for the status query. */
    private long advanceClock(long streamTimeMs) {
        if (streamTimeMs > clockMs) {
            // The store copy is for the status query, which works in days: write it at most once per minute of
            // stream time, not for every crossing of a backfill.
            if (storedClockMs == Long.MIN_VALUE || streamTimeMs - storedClockMs >= 60_000L) {
                clock.put(StayTopology.CLOCK_KEY, streamTimeMs);
                storedClockMs = streamTimeMs;
            }
            clockMs = streamTimeMs;
        }
        return clockMs;
    }

    /**
     * Tells every task this partition's event time once per new date in the reporting zone, so that a partition
     * that receives no crossings still has a current clock for its values' asOf and the status query (the clock
     * topic is read by every task; see StayTopology). Per local date, not per UTC day: the rules work on local dates, and a tick per UTC day
     * left the other tasks a date behind when a task's latest crossings fell between local and UTC midnight
     * (before 05:00 in Almaty), so they evaluated their travellers at an earlier clock than this task. Only the
     * task's own crossings are broadcast, never ticks it received, so ticks do not echo.
     */
    private void broadcast(long crossedAtMs) {
        if (crossedAtMs < nextBroadcastMs) {
            return; // same local date as the last tick, or earlier: nothing new to tell (no zone lookup needed)
        }
        LocalDate date = settings.clockDate(crossedAtMs);
        nextBroadcastMs = date.plusDays(1)
                .atStartOfDay(settings.deployment().timeZone())
                .toInstant()
                .toEpochMilli();
        context.forward(new Record<>(
                settings.applicationId(),
                new EngineOutput(
                        Topic.ENGINE_CLOCK,
                        ByteBuffer.allocate(8).putLong(crossedAtMs).array()),
                crossedAtMs));
    }
}
