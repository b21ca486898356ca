package org.borderflows.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.borderflows.platform.TravellerPseudonymiser;
import org.borderflows.platform.config.DeploymentConfiguration;
import org.borderflows.platform.config.KafkaConfiguration;
import org.borderflows.platform.config.PseudonymConfiguration;
import org.borderflows.platform.config.RulesConfiguration;
import org.borderflows.simulator.gen.Card;
import org.borderflows.simulator.gen.FaultRates;
import org.borderflows.simulator.gen.Simulation;
import org.borderflows.simulator.out.CardFile;
import org.borderflows.simulator.out.CardSink;
import org.borderflows.simulator.out.GatewaySink;
import org.borderflows.simulator.out.KafkaSink;
import org.borderflows.simulator.out.Pacer;
import org.borderflows.simulator.rules.TravellerRules;
import org.borderflows.simulator.truth.GroundTruth;
import org.borderflows.simulator.truth.TruthWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The border-post simulator: draws a seeded population of travellers, sends their cards for the chosen period
 * (to a file, the card gateway or the Kafka inbound topic, at a rate or as fast as possible) and writes the
 * ground truth beside them. See the module README for the options and the output formats.
 */
@Command(
        name = "border-simulator",
        mixinStandardHelpOptions = true,
        description =
                "Simulated border traffic of the reporting country, with injected data faults and the ground truth.")
public final class BorderSimulator implements Callable<Integer> {
    @Option(names = "--from", description = "First month of crossings sent, YYYY-MM (default ${DEFAULT-VALUE}).")
    YearMonth from = YearMonth.of(2025, 1);

    @Option(names = "--to", description = "Last month of crossings sent, YYYY-MM (default ${DEFAULT-VALUE}).")
    YearMonth to = YearMonth.of(2025, 12);

    @Option(names = "--travellers", description = "Number of travellers with crossings in the period.")
    int travellers;

    @Option(
            names = "--cards",
            description = "Approximate number of crossings in the period (default 100000 "
                    + "when --travellers is not given).")
    long cards;

    @Option(names = "--seed", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--fault-rate", description = "Rate of each fault (default ${DEFAULT-VALUE}).")
    double faultRate = 0.01;

    @Option(names = "--duplicate-rate")
    Double duplicateRate;

    @Option(names = "--reorder-rate")
    Double reorderRate;

    @Option(names = "--lost-exit-rate")
    Double lostExitRate;

    @Option(names = "--late-rate")
    Double lateRate;

    @Option(names = "--invalid-rate")
    Double invalidRate;

    @Option(names = "--out", description = "Card file: .csv or .ndjson, optionally .gz.")
    Path out;

    @Option(names = "--gateway", description = "Card gateway base URL, e.g. http://localhost:8081.")
    String gateway;

    @Option(names = "--api-key", description = "Gateway API key (default ${DEFAULT-VALUE}).")
    String apiKey = "dev-simulator-key";

    @Option(names = "--batch-size", description = "Cards per gateway request (default ${DEFAULT-VALUE}).")
    int batchSize = 500;

    @Option(names = "--gateway-csv", description = "Post text/csv batches instead of NDJSON.")
    boolean gatewayCsv;

    @Option(
            names = "--gateway-wait",
            description = "Seconds to wait for the gateway to answer GET /health before sending the first card "
                    + "(default ${DEFAULT-VALUE}: send at once), for a simulator started with the services.")
    int gatewayWaitSeconds;

    @Option(names = "--kafka", description = "Publish CardRecords to the inbound topic (KAFKA_BOOTSTRAP_SERVERS).")
    boolean kafka;

    @Option(names = "--rate", description = "Cards per second, 0 = as fast as possible (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--truth", description = "Ground-truth directory (default <out>.truth, or simulation.truth).")
    Path truthDir;

    @Option(names = "--no-truth", description = "Do not write the ground truth.")
    boolean noTruth;

    @Option(
            names = "--time-zone",
            description = "Reporting country's zone (default BORDER_FLOWS_TIME_ZONE or Asia/Almaty).")
    String timeZone;

    @Option(
            names = "--pseudonym-key-file",
            description = "Key file for traveller pseudonyms in the truth "
                    + "(default BORDER_FLOWS_PSEUDONYM_KEY_FILE / BORDER_FLOWS_PSEUDONYM_KEY / development key).")
    String keyFile;

    /** Arguments on the command line, or else whitespace-separated in the environment variable SIM_ARGS. */
    public static void main(String[] args) {
        String env = System.getenv("SIM_ARGS");
        if (args.length == 0 && env != null && !env.isBlank()) {
            args = env.trim().split("\\s+");
        }
        System.exit(new CommandLine(new BorderSimulator()).execute(args));
    }

    Simulation.Settings settings() {
        ZoneId zone = timeZone != null
                ? ZoneId.of(timeZone)
                : DeploymentConfiguration.fromEnvironment().zone();
        FaultRates rates = new FaultRates(
                or(duplicateRate, faultRate),
                or(reorderRate, faultRate),
                or(lostExitRate, faultRate),
                or(lateRate, faultRate),
                or(invalidRate, faultRate));
        long c = travellers <= 0 && cards <= 0 ? 100_000 : cards;
        return new Simulation.Settings(from, to, travellers, c, seed, rates, zone);
    }

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        Simulation.World world = Simulation.run(settings());
        System.err.printf(
                "simulated %,d travellers, %,d cards in %.1f s%n",
                world.travellers().size(), world.cards().size(), (System.nanoTime() - t0) / 1e9);
        if (!noTruth) {
            Path dir = truthDir != null ? truthDir : Path.of((out != null ? out.toString() : "simulation") + ".truth");
            TravellerPseudonymiser p = keyFile != null
                    ? TravellerPseudonymiser.fromConfig(keyFile, null)
                    : PseudonymConfiguration.fromEnvironment().pseudonymiser();
            GroundTruth truth = GroundTruth.compute(world, p, TravellerRules.of(RulesConfiguration.fromEnvironment()));
            TruthWriter.write(truth, dir);
            System.err.printf("ground truth in %s (clock %s)%n", dir, truth.clock());
        }
        List<CardSink> sinks = new ArrayList<>();
        if (out != null) {
            sinks.add(new CardFile(out, CardFile.Format.of(out)));
        }
        if (gateway != null) {
            GatewaySink sink = new GatewaySink(gateway, apiKey, batchSize, gatewayCsv);
            if (gatewayWaitSeconds > 0) {
                sink.awaitHealthy(Duration.ofSeconds(gatewayWaitSeconds));
            }
            sinks.add(sink);
        }
        if (kafka) {
            sinks.add(new KafkaSink(KafkaConfiguration.fromEnvironment().settings()));
        }
        if (sinks.isEmpty()) {
            System.err.println("no --out, --gateway or --kafka given: only the ground truth was written");
            return 0;
        }
        Pacer pacer = new Pacer(rate, world.cards().size(), "sending");
        for (Card card : world.cards()) {
            pacer.beforeSend();
            for (CardSink sink : sinks) {
                sink.send(card);
            }
        }
        for (CardSink sink : sinks) {
            sink.close();
        }
        pacer.done();
        for (CardSink sink : sinks) {
            System.err.printf(
                    "%s: %,d cards confirmed in %.1f s (%,.0f cards/s)%n",
                    sink.getClass().getSimpleName(),
                    sink.confirmed(),
                    pacer.elapsedSeconds(),
                    sink.confirmed() / Math.max(1e-9, pacer.elapsedSeconds()));
        }
        return 0;
    }

    private static double or(Double v, double d) {
        return v != null ? v : d;
    }
}
