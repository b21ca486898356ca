package org.borderflows.simulator.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import org.borderflows.platform.Deployment;
import org.borderflows.platform.TravellerPseudonymiser;
import org.borderflows.platform.config.RulesConfiguration;
import org.borderflows.simulator.gen.Card;
import org.borderflows.simulator.gen.FaultRates;
import org.borderflows.simulator.gen.Simulation;
import org.borderflows.simulator.out.CardFile;
import org.borderflows.simulator.rules.TravellerRules;
import org.borderflows.simulator.truth.GroundTruth;
import org.borderflows.simulator.truth.TruthWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQL peer and the simulator's Java rules, two independent readings of RULES.md, must agree. */
class DuckDbPeerTest {
    @TempDir
    Path dir;

    @Test
    void peerAgreesWithTheGroundTruthOnAFileWithEveryFault() throws Exception {
        PeerComparison.Result r = runPeer(FaultRates.all(0.02), 8_000);

        assertThat(r.spells()).isGreaterThan(3_000);
        assertThat(r.finalOutcomes()).isGreaterThan(3_000);
        assertThat(r.spellDiffs()).isZero();
        assertThat(r.finalOutcomeDiffs()).isZero();
        assertThat(r.provisionalDiffs()).isZero();
    }

    @Test
    void peerAgreesWithTheGroundTruthOnACleanFile() throws Exception {
        PeerComparison.Result r = runPeer(FaultRates.NONE, 8_000);

        assertThat(r.agree()).isTrue();
        assertThat(r.provisionalDiffs()).isZero();
    }

    /**
     * The peer takes the rules' parameters too: under a 400-day window, a 300-day threshold and visits under 60 days
     * (border-flows.rules.*), the SQL and the truth's Java rules, both following them, still agree.
     */
    @Test
    void peerAndTruthFollowChangedRulesAlike() throws Exception {
        RulesConfiguration changed = RulesConfiguration.fromEnvironment(Map.of(
                "BORDER_FLOWS_RULES_WINDOW_DAYS", "400",
                "BORDER_FLOWS_RULES_THRESHOLD_DAYS", "300",
                "BORDER_FLOWS_RULES_VISIT_DAYS", "60"));

        PeerComparison.Result r = runPeer(FaultRates.all(0.02), 8_000, changed);

        assertThat(r.finalOutcomes()).isGreaterThan(3_000);
        assertThat(r.agree()).isTrue();
        assertThat(r.provisionalDiffs()).isZero();
    }

    private PeerComparison.Result runPeer(FaultRates rates, long cards) throws Exception {
        return runPeer(rates, cards, RulesConfiguration.defaults());
    }

    private PeerComparison.Result runPeer(FaultRates rates, long cards, RulesConfiguration rules) throws Exception {
        Simulation.World world = Simulation.run(new Simulation.Settings(
                YearMonth.of(2024, 7), YearMonth.of(2025, 6), 0, cards, 11, rates, ZoneId.of("Asia/Almaty")));
        Path file = dir.resolve("cards.csv");
        try (CardFile out = new CardFile(file, CardFile.Format.CSV)) {
            for (Card c : world.cards()) {
                out.send(c);
            }
        }
        Path truth = dir.resolve("truth");
        TruthWriter.write(
                GroundTruth.compute(world, TravellerPseudonymiser.development(), TravellerRules.of(rules)), truth);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            DuckDbPeer.run(c, file, Deployment.DEFAULT, 30, rules);
            DuckDbPeer.loadTruth(c, truth);
            ByteArrayOutputStream report = new ByteArrayOutputStream();
            return PeerComparison.compare(c, "truth", new PrintStream(report, true, StandardCharsets.UTF_8));
        }
    }
}
