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
import org.borderflows.platform.Deployment;
import org.borderflows.platform.TravellerPseudonymiser;
import org.borderflows.simulator.gen.Card;
import org.borderflows.simulator.gen.FaultRates;
import org.borderflows.simulator.gen.Simulation;
import org.borderflows.simulator.out.CardFile;
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

    private PeerComparison.Result runPeer(FaultRates rates, long cards) throws Exception {
        Simulation.World world = Simulation.run(new Simulation.Settings(
                YearMonth.of(2024, 7), YearMonth.of(2025, 6), 0, cards, 11, rates, ZoneId.of("Asia/Almaty")));
        Path file = dir.resolve("cards.csv");
        try (CardFile out = new CardFile(file, CardFile.Format.CSV)) {
            for (Card c : world.cards()) {
                out.send(c);
            }
        }
        Path truth = dir.resolve("truth");
        TruthWriter.write(GroundTruth.compute(world, TravellerPseudonymiser.development()), truth);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            DuckDbPeer.run(c, file, Deployment.DEFAULT, 30);
            DuckDbPeer.loadTruth(c, truth);
            ByteArrayOutputStream report = new ByteArrayOutputStream();
            return PeerComparison.compare(c, "truth", new PrintStream(report, true, StandardCharsets.UTF_8));
        }
    }
}
