package org.borderflows.simulator;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borderflows.platform.TravellerPseudonymiser;
import org.borderflows.platform.config.KafkaConfiguration;
import org.borderflows.platform.config.PseudonymConfiguration;
import org.borderflows.simulator.peer.DuckDbPeer;
import org.borderflows.simulator.peer.EngineTopics;
import org.borderflows.simulator.report.DatasetComparison;
import org.borderflows.simulator.report.TravellerComparison;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The accuracy report: the query service's datasets against the ground truth's expected values, and
 * (with --kafka) the per-traveller comparison of the engine's spells and 12/16 outcomes, which is what proves
 * correctness. Exit code 0 when the all-delivered travellers reach the target agreement.
 */
@Command(
        name = "accuracy-report",
        mixinStandardHelpOptions = true,
        description = "Compares the system's results with the simulator's ground truth.")
public final class AccuracyReport implements Callable<Integer> {
    @Option(names = "--truth", required = true, description = "Ground-truth directory written by the simulator.")
    Path truth;

    @Option(names = "--query", description = "Query service base URL (default ${DEFAULT-VALUE}).")
    String query = "http://localhost:8080";

    @Option(names = "--user", description = "Query service user (default ${DEFAULT-VALUE}).")
    String user = "statistician";

    @Option(names = "--password", description = "Query service password (default ${DEFAULT-VALUE}).")
    String password = "statistician-dev-password";

    @Option(names = "--no-datasets", description = "Skip the query-service datasets.")
    boolean noDatasets;

    @Option(
            names = "--kafka",
            description = "Per-traveller comparison from the engine's topics (KAFKA_BOOTSTRAP_SERVERS).")
    boolean kafka;

    @Option(
            names = "--pseudonym-key-file",
            description = "Key file of the engine's traveller pseudonyms "
                    + "(default BORDER_FLOWS_PSEUDONYM_KEY_FILE / BORDER_FLOWS_PSEUDONYM_KEY / development key).")
    String keyFile;

    @Option(
            names = "--lags",
            split = ",",
            description = "Months before the clock for estimate errors (default ${DEFAULT-VALUE}).")
    int[] lags = {0, 1, 2, 3, 6, 9, 12};

    @Option(
            names = "--target",
            description = "Required agreement of all-delivered travellers (default ${DEFAULT-VALUE}).")
    double target = 0.999;

    @Option(names = "--work", description = "Working directory (default target/accuracy-work).")
    Path work = Path.of("target", "accuracy-work");

    public static void main(String[] args) {
        System.exit(new CommandLine(new AccuracyReport()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        String summary = Files.readString(truth.resolve("summary.json"));
        YearMonth from = YearMonth.parse(field(summary, "from"));
        YearMonth to = YearMonth.parse(field(summary, "to"));
        System.out.printf(
                "ground truth %s: %s..%s, seed %s, clock %s, %s travellers (%s with every card delivered)%n",
                truth,
                from,
                to,
                field(summary, "seed"),
                field(summary, "clock"),
                field(summary, "travellers"),
                field(summary, "travellersAllDelivered"));
        int status = 0;
        if (!noDatasets) {
            DatasetComparison datasets = new DatasetComparison(query, user, password);
            datasets.report(
                    DatasetComparison.readFacts(truth.resolve("datasets")),
                    DatasetComparison.readFacts(truth.resolve("datasets-delivered")),
                    from,
                    to,
                    lags,
                    System.out);
        }
        if (kafka) {
            System.out.println();
            EngineTopics.Counts n =
                    EngineTopics.read(KafkaConfiguration.fromEnvironment().settings(), work);
            System.out.printf("engine topics: %,d spells, %,d crossing outcomes%n", n.spells(), n.outcomes());
            TravellerPseudonymiser p = keyFile != null
                    ? TravellerPseudonymiser.fromConfig(keyFile, null)
                    : PseudonymConfiguration.fromEnvironment().pseudonymiser();
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
                DuckDbPeer.loadEngine(c, work);
                DuckDbPeer.warnIfClocksDiffer(c, field(summary, "clock"), System.out);
                TravellerComparison.loadTruth(c, truth, p, work);
                TravellerComparison.Summary s = TravellerComparison.report(c, System.out);
                status = s.cleanAgreement() >= target ? 0 : 1;
            }
        }
        return status;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}\\s]+)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    static String readAll(BufferedReader r) throws java.io.IOException {
        return r.lines().reduce("", (a, b) -> a + b);
    }
}
