package org.borderflows.simulator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneId;
import org.borderflows.platform.TravellerPseudonymiser;
import org.borderflows.simulator.gen.FaultRates;
import org.borderflows.simulator.gen.Simulation;
import org.borderflows.simulator.peer.DuckDbPeer;
import org.borderflows.simulator.truth.GroundTruth;
import org.borderflows.simulator.truth.TruthWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-traveller report, fed with a stand-in engine built from the truth's delivered expectation (what a
 * correct engine outputs), then with one deliberate error.
 */
class TravellerComparisonTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void simulate() throws Exception {
        Simulation.World world = Simulation.run(new Simulation.Settings(
                YearMonth.of(2025, 1),
                YearMonth.of(2025, 12),
                0,
                10_000,
                5,
                FaultRates.all(0.01),
                ZoneId.of("Asia/Almaty")));
        TruthWriter.write(GroundTruth.compute(world, TravellerPseudonymiser.development()), dir.resolve("truth"));
    }

    @Test
    void aCorrectEngineAgreesOnEveryAllDeliveredTravellerAndEveryFaultIsExplained() throws Exception {
        TravellerComparison.Summary s = compare("");

        assertThat(s.cleanTravellers()).isGreaterThan(2_000);
        assertThat(s.cleanAgreement()).isEqualTo(1.0);
        assertThat(s.unexplained()).isZero();
    }

    @Test
    void aWrongDurationOfOneCleanTravellerIsReportedAsUnexplained() throws Exception {
        TravellerComparison.Summary s =
                compare("UPDATE e_spells SET duration_days = duration_days + 1 WHERE start_event_id = "
                        + "(SELECT min(s.start_event_id) FROM e_spells s JOIN ids USING (traveller_id) "
                        + "WHERE ids.all_delivered AND ids.main_fault = 'NONE' AND s.state = 'CLOSED')");

        assertThat(s.cleanAgree()).isEqualTo(s.cleanTravellers() - 1);
        assertThat(s.unexplained()).isEqualTo(1);
    }

    private TravellerComparison.Summary compare(String sabotage) throws Exception {
        Path truth = dir.resolve("truth");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            String t = truth.toAbsolutePath().toString();
            s.execute("CREATE TABLE e_spells AS SELECT traveller_id, start_event_id, kind, state, end_event_id, "
                    + "try_cast(duration_days AS INTEGER) AS duration_days, duration_class, "
                    + "class_final::BOOLEAN AS class_final, labour::BOOLEAN AS labour FROM read_csv('" + t
                    + "/spells-delivered.csv', header = true, all_varchar = true)");
            s.execute("CREATE TABLE e_outcomes AS SELECT traveller_id, event_id, status_before = 'RESIDENT' AS "
                    + "resident_before, status_after = 'RESIDENT' AS resident_after, long_term_migration::BOOLEAN "
                    + "AS long_term_migration, final_date::DATE AS final_date, provisional::BOOLEAN AS provisional "
                    + "FROM read_csv('" + t + "/outcomes-delivered.csv', header = true, all_varchar = true)");
            TravellerComparison.loadTruth(c, truth, TravellerPseudonymiser.development(), dir.resolve("work"));
            if (!sabotage.isEmpty()) {
                s.execute(sabotage);
                TravellerComparison.loadTruth(c, truth, TravellerPseudonymiser.development(), dir.resolve("work"));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TravellerComparison.Summary summary =
                    TravellerComparison.report(c, new PrintStream(out, true, StandardCharsets.UTF_8));
            System.out.println(out.toString(StandardCharsets.UTF_8));
            return summary;
        }
    }

    static void unused() {
        DuckDbPeer.class.getName();
    }
}
