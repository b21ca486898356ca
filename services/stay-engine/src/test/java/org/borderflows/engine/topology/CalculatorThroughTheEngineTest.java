package org.borderflows.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderflows.engine.topology.EngineDriver.entry;
import static org.borderflows.engine.topology.EngineDriver.exit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.borderflows.domain.CrossingFact;
import org.borderflows.domain.RuleSettings;
import org.borderflows.domain.StayCalculator;
import org.borderflows.domain.StayCalculator.PlannedStay;
import org.borderflows.engine.calculator.CalculatorItem;
import org.borderflows.engine.calculator.CalculatorMode;
import org.borderflows.platform.Deployment;
import org.borderflows.schema.Crossing;
import org.junit.jupiter.api.Test;

/**
 * The stay calculator (RULES.md §7) over the state the topology keeps, read as an instance reads it
 * ({@link TravellerLookup#read}): the two checks of RULES.md §7, an unknown traveller, and a long history whose
 * older crossings were pruned into a carry, which must answer as the whole history does.
 */
class CalculatorThroughTheEngineTest {
    private static final EngineSettings SETTINGS = EngineSettings.defaults(EngineDriver.APP, Deployment.DEFAULT);
    private static final RuleSettings RULES = SETTINGS.rules();

    private static CalculatorItem ask(EngineDriver engine, String traveller, CalculatorMode mode) {
        KeyValueStore<String, byte[]> travellers = engine.driver.getKeyValueStore(StayTopology.TRAVELLERS_STORE);
        KeyValueStore<String, Long> clock = engine.driver.getKeyValueStore(StayTopology.CLOCK_STORE);
        TravellerLookup.Result found =
                TravellerLookup.read(traveller, travellers.get(traveller), clock.get(StayTopology.CLOCK_KEY), SETTINGS);
        return CalculatorItem.of(mode, traveller, found, RULES);
    }

    @Test
    void rulesCheckOneAGuardOnTheNinthOfJuneFindsTheTravellerNineDaysOver() {
        try (EngineDriver engine = new EngineDriver()) {
            engine.send(
                    entry("t1", "e1", LocalDate.of(2013, 9, 1)),
                    exit("t1", "x1", LocalDate.of(2013, 9, 30)),
                    entry("t1", "e2", LocalDate.of(2014, 2, 21)),
                    exit("t1", "x2", LocalDate.of(2014, 4, 20)),
                    entry("t1", "e3", LocalDate.of(2014, 5, 1)));

            CalculatorItem item = ask(engine, "t1", CalculatorMode.control(LocalDate.of(2014, 6, 9)));

            assertThat(item.result()).isEqualTo("CALCULATED");
            assertThat(item.control().inCountry()).isTrue();
            assertThat(item.control().latestAuthorisedExit()).isEqualTo(LocalDate.of(2014, 5, 31));
            assertThat(item.control().overstayDays()).isEqualTo(9);
            assertThat(item.control().daysUsed()).isEqualTo(99);
        }
    }

    @Test
    void rulesCheckTwoAPlannedEntryOnTheFirstOfNovemberMayStayUntilTheThirteenthOfDecember() {
        try (EngineDriver engine = new EngineDriver()) {
            engine.send(entry("t2", "e1", LocalDate.of(2014, 8, 15)), exit("t2", "x1", LocalDate.of(2014, 9, 30)));

            CalculatorItem item = ask(
                    engine,
                    "t2",
                    CalculatorMode.plan(
                            List.of(new PlannedStay(LocalDate.of(2014, 11, 1), LocalDate.of(2014, 12, 20)))));

            assertThat(item.plan().authorised()).isFalse();
            assertThat(item.plan().stays().get(0).lastAuthorisedDay()).isEqualTo(LocalDate.of(2014, 12, 13));
            assertThat(item.plan().stays().get(0).daysOver()).isEqualTo(7);
        }
    }

    @Test
    void aTravellerTheEngineNeverSawIsUnknown() {
        try (EngineDriver engine = new EngineDriver()) {
            engine.send(entry("t1", "e1", LocalDate.of(2025, 1, 1)));

            CalculatorItem item = ask(engine, "nobody", CalculatorMode.control(LocalDate.of(2025, 1, 2)));

            assertThat(item.result()).isEqualTo(CalculatorItem.UNKNOWN_TRAVELLER);
            assertThat(item.control()).isNull();
        }
    }

    @Test
    void aPrunedHistoryAnswersAsTheWholeHistoryDoes() {
        // a 10-day stay every 45 days from 01.01.2023, 16 stays: state keeps only the last crossings and a carry
        List<Crossing> crossings = new ArrayList<>();
        LocalDate start = LocalDate.of(2023, 1, 1);
        for (int i = 0; i < 16; i++) {
            LocalDate in = start.plusDays(45L * i);
            crossings.add(entry("t3", "e" + i, in));
            crossings.add(exit("t3", "x" + i, in.plusDays(9)));
        }
        crossings.add(entry("t3", "e16", start.plusDays(45L * 16)));
        List<CrossingFact> whole = crossings.stream().map(CrossingFact::from).toList();
        LocalDate lastEntry = start.plusDays(45L * 16); // 22.12.2024
        try (EngineDriver engine = new EngineDriver()) {
            crossings.forEach(engine::send);
            TravellerLookup.Found kept = (TravellerLookup.Found) TravellerLookup.read(
                    "t3",
                    engine.driver
                            .<String, byte[]>getKeyValueStore(StayTopology.TRAVELLERS_STORE)
                            .get("t3"),
                    null,
                    SETTINGS);
            assertThat(kept.carry()).as("older crossings pruned into a carry").isNotNull();
            assertThat(kept.crossings()).hasSizeLessThan(crossings.size());

            for (LocalDate day = lastEntry; day.isBefore(lastEntry.plusDays(80)); day = day.plusDays(7)) {
                CalculatorItem item = ask(engine, "t3", CalculatorMode.control(day));
                assertThat(item.control())
                        .as("control date %s", day)
                        .isEqualTo(StayCalculator.atControlDate(null, whole, day, RULES));
            }
            CalculatorItem early = ask(engine, "t3", CalculatorMode.control(LocalDate.of(2023, 3, 1)));
            assertThat(early.result()).isEqualTo("BEFORE_KEPT_HISTORY");
        }
    }
}
