package org.borderflows.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.borderflows.platform.Topic;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.Spell;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RULES.md §8, property: random itineraries of 2024 to mid-2025, cut on 1 January 2025. The crossings before it are
 * an archive, loaded beside the live crossings of 2025 (each archived crossing slipped in at a random place of the
 * live stream, in the archive's own order), then the loader's completion record. It ends in the topics of loading
 * the archive first (a live crossing's values published before its traveller's archived crossings came are
 * corrected then, as for any late record), and at no moment did the engine publish an alert or a final outcome that the crossings already
 * behind the clock contradict:
 *
 * <ul>
 *   <li>an open spell written as at a date after the day its stay ended (its exit crossed before the clock's date);
 *   <li>an archived crossing's outcome written final (clock past its final date) that is not its final value.
 * </ul>
 *
 * The same delivery without the archive mark does both, which shows the checks can fail.
 */
class ArchiveBesideLivePropertyTest {
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final LocalDate CUT = LocalDate.of(2025, 1, 1);
    private static final LocalDate END = LocalDate.of(2025, 7, 1);
    private static final String LOAD = "archive-2024";
    private static final int TRAVELLERS = 200;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void anArchiveBesideLiveTrafficEndsAsIfLoadedFirstAndNeverContradictsItself(long seed) {
        Random random = new Random(seed);
        History h = History.cut(random);

        List<Crossing> beside = besideLive(random, h.archive(), h.live(), c -> EngineDriver.archived(c, LOAD));
        try (EngineDriver engine = new EngineDriver()) {
            List<String> contradictions = new ArrayList<>();
            for (Crossing c : beside) {
                engine.send(c);
                contradictions.addAll(contradictions(engine, h));
            }
            engine.archiveComplete(LOAD);
            contradictions.addAll(contradictions(engine, h));

            assertThat(contradictions).isEmpty();
            Map<Topic, Map<String, Object>> actual = Itineraries.finalTopics(engine);
            for (Topic topic : Itineraries.OUTPUTS) {
                assertThat(actual.get(topic))
                        .as(topic.topicName())
                        .isEqualTo(h.archiveFirst().get(topic));
            }
            assertThat(h.archive()).hasSizeGreaterThan(60);
            assertThat(h.live()).hasSizeGreaterThan(60);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void withoutTheArchiveMarkTheSameDeliveryContradictsItself(long seed) {
        Random random = new Random(seed);
        History h = History.cut(random);

        try (EngineDriver engine = new EngineDriver()) {
            TreeSet<String> contradictions = new TreeSet<>();
            for (Crossing c : besideLive(random, h.archive(), h.live(), UnaryOperator.identity())) {
                engine.send(c);
                contradictions.addAll(contradictions(engine, h));
            }
            assertThat(contradictions).isNotEmpty();
        }
    }

    /** Random itineraries cut on {@link #CUT}, and what loading the archive first gives. */
    private record History(
            List<Crossing> archive,
            List<Crossing> live,
            Map<Topic, Map<String, Object>> archiveFirst,
            Map<String, Spell> truth) {
        static History cut(Random random) {
            List<Crossing> all = new ArrayList<>(Itineraries.random(random, TRAVELLERS, START).stream()
                    .filter(c -> c.getCrossingDate().isBefore(END))
                    .toList());
            all.sort(Comparator.comparing(Crossing::getCrossedAt));
            return new History(
                    all.stream().filter(c -> c.getCrossingDate().isBefore(CUT)).toList(),
                    all.stream().filter(c -> !c.getCrossingDate().isBefore(CUT)).toList(),
                    Itineraries.finalTopics(all),
                    ArchiveBesideLivePropertyTest.truth(all));
        }
    }

    /** The live crossings in order, each archived one inserted at a random place, the archive's order kept. */
    private static List<Crossing> besideLive(
            Random random, List<Crossing> archive, List<Crossing> live, UnaryOperator<Crossing> mark) {
        List<Integer> places = new ArrayList<>();
        for (int i = 0; i < archive.size(); i++) {
            places.add(random.nextInt(live.size() + 1));
        }
        places.sort(Integer::compare);
        List<Crossing> out = new ArrayList<>();
        int a = 0;
        for (int l = 0; l <= live.size(); l++) {
            while (a < archive.size() && places.get(a) == l) {
                out.add(mark.apply(archive.get(a++)));
            }
            if (l < live.size()) {
                out.add(live.get(l));
            }
        }
        return out;
    }

    /** Every spell of the whole history, as the engine writes it when given everything in order. */
    private static Map<String, Spell> truth(List<Crossing> inOrder) {
        try (EngineDriver engine = new EngineDriver()) {
            inOrder.forEach(engine::send);
            return engine.table(Topic.SPELLS);
        }
    }

    /** What the engine has published so far that the crossings already behind its clock contradict. */
    private static List<String> contradictions(EngineDriver engine, History h) {
        Map<String, Spell> truth = h.truth();
        Map<Topic, Map<String, Object>> archiveFirst = h.archiveFirst();
        Set<String> archived = h.archive().stream().map(Crossing::getEventId).collect(Collectors.toSet());
        List<String> found = new ArrayList<>();
        engine.<Spell>table(Topic.SPELLS).forEach((key, spell) -> {
            Spell known = truth.get(key);
            if (spell.getEndDate() == null
                    && known != null
                    && known.getEndDate() != null
                    && spell.getAsOf().isAfter(known.getEndDate())) {
                found.add("open spell " + key + " as at " + spell.getAsOf() + ", ended " + known.getEndDate());
            }
        });
        engine.<CrossingOutcome>table(Topic.CROSSING_OUTCOMES).forEach((key, outcome) -> {
            boolean finalThen = archived.contains(key) && outcome.getAsOf().isAfter(outcome.getFinalDate());
            Object finalValue = archiveFirst.get(Topic.CROSSING_OUTCOMES).get(key);
            if (finalThen && !Normalised.of(outcome).equals(finalValue)) {
                found.add("outcome " + key + " final as at " + outcome.getAsOf() + " but later revised");
            }
        });
        return found;
    }
}
