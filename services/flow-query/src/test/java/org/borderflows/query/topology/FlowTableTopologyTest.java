package org.borderflows.query.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.borderflows.platform.Topic;
import org.borderflows.query.Fixtures;
import org.borderflows.query.tables.Datasets;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.Direction;
import org.borderflows.schema.DurationClass;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.QualityIssue;
import org.borderflows.schema.RejectedRecord;
import org.borderflows.schema.ResidenceStatus;
import org.borderflows.schema.Spell;
import org.borderflows.schema.TableCell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlowTableTopologyTest {
    private TopologyTestDriver driver;
    private TestInputTopic<String, Spell> spells;
    private TestInputTopic<String, CrossingOutcome> outcomes;
    private TestInputTopic<String, QualityEvent> quality;
    private TestInputTopic<String, RejectedRecord> rejected;
    private TestInputTopic<String, Crossing> crossings;
    private TestOutputTopic<String, TableCell> cells;
    private final Map<String, TableCell> table = new HashMap<>();

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path stateDir;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        FlowTableTopology.build(builder, ZoneId.of("Asia/Almaty"), Datasets.contributions());
        Properties props = new Properties();
        props.put("application.id", "flow-table-test");
        props.put("bootstrap.servers", "unused:9092");
        // a state directory of its own: another build on the machine may run this test at the same time
        props.put("state.dir", stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), props);
        var keys = Serdes.String();
        spells = driver.createInputTopic(Topic.SPELLS.topicName(), keys.serializer(), AvroSerde.of(Spell.class));
        outcomes = driver.createInputTopic(
                Topic.CROSSING_OUTCOMES.topicName(), keys.serializer(), AvroSerde.of(CrossingOutcome.class));
        quality = driver.createInputTopic(
                Topic.QUALITY_EVENTS.topicName(), keys.serializer(), AvroSerde.of(QualityEvent.class));
        rejected = driver.createInputTopic(
                Topic.REJECTED_RECORDS.topicName(), keys.serializer(), AvroSerde.of(RejectedRecord.class));
        crossings =
                driver.createInputTopic(Topic.CROSSINGS.topicName(), keys.serializer(), AvroSerde.of(Crossing.class));
        cells = driver.createOutputTopic(
                Topic.TABLE_CELLS.topicName(), keys.deserializer(), AvroSerde.of(TableCell.class));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /**
     * The cell records written. The test driver commits after every input record, and the combiner sends its sums
     * just before each commit (DeltaCombinerIT shows the combining over a longer commit interval).
     */
    private List<TestRecord<String, TableCell>> written() {
        return cells.readRecordsToList();
    }

    /** The compacted view of the cell topic: latest value per key, tombstones delete. */
    private Map<String, Double> counts(String dataset) {
        for (TestRecord<String, TableCell> r : written()) {
            if (r.value() == null) {
                table.remove(r.key());
            } else {
                table.put(r.key(), r.value());
            }
        }
        Map<String, Double> out = new TreeMap<>();
        table.forEach((k, v) -> {
            if (v.getDataset().equals(dataset)) {
                out.put(k.substring(k.indexOf('|') + 1), Cells.count(v));
            }
        });
        return out;
    }

    @Test
    void anUnchangedRepublishWritesNoCellAndALaterClockIsCarriedByOneCellOnce() {
        Spell spell = Fixtures.openStay("t1", LocalDate.of(2025, 3, 1), DurationClass.PENDING, LocalDate.of(2025, 5, 1))
                .build();
        Spell other = Fixtures.openStay("t2", LocalDate.of(2025, 4, 4), DurationClass.PENDING, LocalDate.of(2025, 5, 1))
                .build();
        spells.pipeInput(spell.getSpellId(), spell);
        spells.pipeInput(other.getSpellId(), other);
        Map<String, Double> before = counts("spells");
        assertThat(before.size()).isGreaterThan(1);

        spells.pipeInput(spell.getSpellId(), spell); // the same value again: every cell's delta is 0
        assertThat(written()).isEmpty();

        // Re-published with a newer clock only: the counts stay, one cell carries the new processing clock.
        Spell later = Spell.newBuilder(spell).setAsOf(LocalDate.of(2025, 5, 2)).build();
        spells.pipeInput(later.getSpellId(), later);
        List<TestRecord<String, TableCell>> written = written();
        assertThat(written).hasSize(1);
        assertThat(written.get(0).getValue().getAsOf()).isEqualTo(LocalDate.of(2025, 5, 2));
        written.forEach(r -> table.put(r.getKey(), r.getValue()));
        assertThat(counts("spells")).isEqualTo(before);
        assertThat(table.values()).extracting(TableCell::getAsOf).contains(LocalDate.of(2025, 5, 2));

        // Another value re-published at the same clock: nothing to send (that clock was sent).
        Spell otherLater =
                Spell.newBuilder(other).setAsOf(LocalDate.of(2025, 5, 2)).build();
        spells.pipeInput(otherLater.getSpellId(), otherLater);
        assertThat(written()).isEmpty();
    }

    @Test
    void anOpenSpellKeepsItsCellWhateverClassItWasWrittenWithAndMovesWhenItCloses() {
        Spell pending = Fixtures.openStay(
                        "t1", LocalDate.of(2025, 3, 1), DurationClass.PENDING, LocalDate.of(2025, 5, 1))
                .build();
        spells.pipeInput(pending.getSpellId(), pending);
        String open = "2025-03|ageGroup=25-29;borderPost=KZ-ALA-AIR;citizenship=TJK;durationClass=PENDING;final=false;"
                + "kind=STAY;labour=false;purpose=WORK;residenceStatus=NON_RESIDENT;sex=M;startDay=01";
        assertThat(counts("spells")).containsOnlyKeys(open);

        // RULES.md §8: an open spell's class is derived by the query at its clock; the cell holds the start day
        Spell writtenLater = Spell.newBuilder(pending)
                .setDurationClass(DurationClass.SHORT_TERM)
                .setAsOf(LocalDate.of(2025, 6, 1))
                .build();
        spells.pipeInput(pending.getSpellId(), writtenLater);
        assertThat(counts("spells")).containsExactly(Map.entry(open, 1.0));

        Spell closed = Fixtures.closedStay(
                        "t1", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 6, 5), DurationClass.SHORT_TERM)
                .build();
        spells.pipeInput(pending.getSpellId(), closed);
        assertThat(counts("spells"))
                .containsExactly(Map.entry(
                        "2025-03|ageGroup=25-29;borderPost=KZ-ALA-AIR;citizenship=TJK;durationClass=SHORT_TERM;final=true;"
                                + "kind=STAY;labour=false;purpose=WORK;residenceStatus=NON_RESIDENT;sex=M;startDay=-",
                        1.0));
    }

    @Test
    void twoSpellsOfTheSameCellCountTwoAndATombstoneSubtractsOne() {
        Spell a = Fixtures.openStay("t1", LocalDate.of(2025, 3, 1), DurationClass.PENDING, LocalDate.of(2025, 4, 1))
                .build();
        Spell b = Fixtures.openStay("t2", LocalDate.of(2025, 3, 1), DurationClass.PENDING, LocalDate.of(2025, 4, 9))
                .build();
        spells.pipeInput(a.getSpellId(), a);
        spells.pipeInput(b.getSpellId(), b);
        assertThat(counts("spells").values()).containsExactly(2.0);

        spells.pipeInput(a.getSpellId(), (Spell) null);

        assertThat(counts("spells").values()).containsExactly(1.0);
    }

    @Test
    void retractingTheLastSpellOfACellDeletesTheCell() {
        Spell a = Fixtures.openStay("t1", LocalDate.of(2025, 3, 1), DurationClass.PENDING, LocalDate.of(2025, 4, 1))
                .build();
        spells.pipeInput(a.getSpellId(), a);
        spells.pipeInput(a.getSpellId(), (Spell) null);

        assertThat(counts("spells")).isEmpty();
        assertThat(counts("stock")).isEmpty();
    }

    @Test
    void aClosedStayRecordsItsEndMonthForTheStock() {
        Spell closed = Fixtures.closedStay(
                        "t1", LocalDate.of(2025, 1, 10), LocalDate.of(2025, 3, 5), DurationClass.VISIT)
                .build();
        spells.pipeInput(closed.getSpellId(), closed);

        assertThat(counts("stock"))
                .containsOnlyKeys(
                        "2025-01|ageGroup=25-29;borderPost=KZ-ALA-AIR;citizenship=TJK;endMonth=2025-03;labour=false;"
                                + "purpose=WORK;sex=M;startDay=-");
    }

    @Test
    void aLabourStayCountsInAtItsStartAndDepartureAtItsEnd() {
        Spell labour = Fixtures.closedStay(
                        "t1", LocalDate.of(2025, 1, 10), LocalDate.of(2025, 6, 5), DurationClass.SHORT_TERM)
                .setLabour(true)
                .build();
        spells.pipeInput(labour.getSpellId(), labour);

        assertThat(counts("labour"))
                .containsOnlyKeys(
                        "2025-01|ageGroup=25-29;borderPost=KZ-ALA-AIR;citizenship=TJK;durationClass=SHORT_TERM;final=true;"
                                + "flow=IN;sex=M;startDay=-",
                        "2025-06|ageGroup=25-29;borderPost=KZ-KOR-ROAD;citizenship=TJK;durationClass=SHORT_TERM;final=true;"
                                + "flow=DEPARTURE;sex=M;startDay=-");
    }

    @Test
    void aCorrectedOutcomeMovesTheCrossingFromProvisionalToFinal() {
        CrossingOutcome provisional = Fixtures.arrival(
                        "e1", LocalDate.of(2025, 2, 3), true, LocalDate.of(2026, 2, 3), LocalDate.of(2025, 6, 1))
                .build();
        outcomes.pipeInput("e1", provisional);
        CrossingOutcome notMigration = CrossingOutcome.newBuilder(provisional)
                .setLongTermMigration(false)
                .setStatusAfter(provisional.getStatusBefore())
                .setFinalDate(LocalDate.of(2025, 9, 1))
                .setProvisional(false)
                .setAsOf(LocalDate.of(2025, 10, 1))
                .build();
        outcomes.pipeInput("e1", notMigration);

        assertThat(counts("migration-12-16"))
                .containsOnlyKeys(
                        "2025-02|ageGroup=25-29;borderPost=KZ-ALA-AIR;citizenship=TJK;direction=ENTRY;finalDay=01;"
                                + "finalMonth=2025-09;ltm=false;purpose=WORK;residenceStatus=NON_RESIDENT;sex=M;"
                                + "statusYears=-;timeBack=-");
        assertThat(counts("crossings").values()).containsExactly(1.0);
    }

    /**
     * The time back in 15-day bins (§6's cohort): a migration of 3 Feb 2025 first went back on 3 Apr (59 days: bin
     * 45); an arrival of the same day that is not a migration went back for good on 11 Jun, 82 days before its final
     * date of 1 Sep (bin 75); an arrival whose outcome dates no time back gets "-".
     */
    @Test
    void migrationCellsBinTheTimeBackThatDatesTheSituation() {
        LocalDate crossed = LocalDate.of(2025, 2, 3);
        LocalDate asOf = LocalDate.of(2025, 10, 1);
        outcomes.pipeInput(
                "m",
                Fixtures.arrival("m", crossed, true, LocalDate.of(2026, 4, 3), asOf)
                        .setFirstTimeBackDate(LocalDate.of(2025, 4, 3))
                        .build());
        outcomes.pipeInput(
                "s",
                Fixtures.arrival("s", crossed, false, LocalDate.of(2025, 9, 1), asOf)
                        .setDecisiveTimeBackDate(LocalDate.of(2025, 6, 11))
                        .build());
        outcomes.pipeInput(
                "n",
                Fixtures.arrival("n", crossed, false, LocalDate.of(2025, 6, 1), asOf)
                        .build());

        assertThat(counts("migration-12-16").keySet())
                .extracting(key -> key.replaceAll(".*(ltm=\\w+).*(timeBack=[^;]+).*", "$1 $2"))
                .containsExactlyInAnyOrder("ltm=true timeBack=45", "ltm=false timeBack=75", "ltm=false timeBack=-");
    }

    /**
     * The traveller's own earlier outcomes (§6's groups): four residents leaving on 3 Feb 2025, who became residents
     * by arriving on 10 Mar 2024 (0 whole years before), 4 Feb 2023 (a day short of 2: 1), 3 Feb 2023 (2) and 3 Feb
     * 2020 (5: counted as 2, the last value); a national leaving, resident from citizenship, gets "-".
     */
    @Test
    void migrationCellsCountTheYearsSinceTheMigrationThatGaveTheStatus() {
        LocalDate crossed = LocalDate.of(2025, 2, 3);
        LocalDate asOf = LocalDate.of(2025, 10, 1);
        List<LocalDate> since = Arrays.asList(
                LocalDate.of(2024, 3, 10),
                LocalDate.of(2023, 2, 4),
                LocalDate.of(2023, 2, 3),
                LocalDate.of(2020, 2, 3),
                null);
        for (int i = 0; i < since.size(); i++) {
            outcomes.pipeInput(
                    "x" + i,
                    Fixtures.arrival("x" + i, crossed, false, LocalDate.of(2025, 6, 1), asOf)
                            .setDirection(Direction.EXIT)
                            .setStatusBefore(ResidenceStatus.RESIDENT)
                            .setStatusAfter(ResidenceStatus.RESIDENT)
                            .setStatusSinceDate(since.get(i))
                            .build());
        }

        assertThat(counts("migration-12-16"))
                .extractingFromEntries(e -> e.getKey().replaceAll(".*(statusYears=[^;]+).*", "$1"), e -> e.getValue())
                .containsExactlyInAnyOrder(
                        tuple("statusYears=0", 1.0),
                        tuple("statusYears=1", 1.0),
                        tuple("statusYears=2", 2.0),
                        tuple("statusYears=-", 1.0));
    }

    @Test
    void aDepartureOfANonResidentIsACrossingButNotAMigrationReview() {
        CrossingOutcome exit = Fixtures.arrival(
                        "x1", LocalDate.of(2025, 2, 3), false, LocalDate.of(2025, 2, 3), LocalDate.of(2025, 6, 1))
                .setDirection(Direction.EXIT)
                .build();
        outcomes.pipeInput("x1", exit);

        assertThat(counts("crossings")).hasSize(1);
        assertThat(counts("migration-12-16")).isEmpty();
    }

    @Test
    void aRetractedQualityFindingIsNoLongerCounted() {
        quality.pipeInput(
                "ORPHAN_EXIT:x1",
                Fixtures.quality(QualityIssue.ORPHAN_EXIT, "x1", LocalDate.of(2025, 2, 3), LocalDate.of(2025, 2, 3)));
        quality.pipeInput(
                "BROKEN_SPELL:x2",
                Fixtures.quality(QualityIssue.BROKEN_SPELL, "x2", LocalDate.of(2025, 2, 4), LocalDate.of(2025, 2, 4)));
        quality.pipeInput("ORPHAN_EXIT:x1", (QualityEvent) null);

        assertThat(counts("quality")).containsOnlyKeys("2025-02|borderPost=KZ-KOR-ROAD;issue=BROKEN_SPELL;reason=NONE");
    }

    @Test
    void aRejectedRecordIsReceivedOnceAndRejectedOncePerReason() {
        Instant at = Instant.parse("2025-02-28T20:00:00Z"); // 1 March in Almaty
        rejected.pipeInput(null, Fixtures.rejected(1, at, "MISSING", "OUT_OF_RANGE", "MISSING"));
        crossings.pipeInput("t-c1", Fixtures.crossing("c1", LocalDate.of(2025, 3, 2), Direction.ENTRY));

        assertThat(counts("quality"))
                .containsEntry("2025-03|borderPost=KZ-KOR-ROAD;issue=RECEIVED;reason=NONE", 1.0)
                .containsEntry("2025-03|borderPost=KZ-KOR-ROAD;issue=REJECTED;reason=MISSING", 1.0)
                .containsEntry("2025-03|borderPost=KZ-KOR-ROAD;issue=REJECTED;reason=OUT_OF_RANGE", 1.0)
                .containsEntry("2025-03|borderPost=KZ-ALA-AIR;issue=RECEIVED;reason=NONE", 1.0);
    }

    @Test
    void theCellClockIsTheLatestEngineClockOfItsContributions() {
        crossings.pipeInput("t-c1", Fixtures.crossing("c1", LocalDate.of(2025, 3, 2), Direction.ENTRY));
        crossings.pipeInput("t-c2", Fixtures.crossing("c2", LocalDate.of(2025, 3, 20), Direction.ENTRY));
        crossings.pipeInput("t-c3", Fixtures.crossing("c3", LocalDate.of(2025, 3, 7), Direction.ENTRY));
        counts("quality");
        assertThat(table.values()).extracting(TableCell::getAsOf).containsExactly(LocalDate.of(2025, 3, 20));
    }

    @Test
    void anOutcomeThatMovesAndMovesBackLeavesTheCountsAsTheyWere() {
        CrossingOutcome migration = Fixtures.arrival(
                        "e1", LocalDate.of(2025, 2, 3), true, LocalDate.of(2026, 2, 3), LocalDate.of(2025, 6, 1))
                .build();
        outcomes.pipeInput("e1", migration);
        Map<String, Double> before = counts("migration-12-16");

        CrossingOutcome notMigration = CrossingOutcome.newBuilder(migration)
                .setLongTermMigration(false)
                .setStatusAfter(migration.getStatusBefore())
                .build();
        outcomes.pipeInput("e1", notMigration);
        outcomes.pipeInput("e1", migration);

        assertThat(before).hasSize(1);
        assertThat(counts("migration-12-16")).isEqualTo(before);
    }
}
