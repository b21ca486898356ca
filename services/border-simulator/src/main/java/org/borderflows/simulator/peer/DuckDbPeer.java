package org.borderflows.simulator.peer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.borderflows.platform.Deployment;
import org.borderflows.platform.config.DeploymentConfiguration;
import org.borderflows.platform.config.KafkaConfiguration;
import org.borderflows.platform.config.RulesConfiguration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The batch peer: loads a card CSV into DuckDB (in-process, JDBC) and computes the stays/absences and the
 * 12/16-month-rule outcomes with SQL only (resource {@code peer/peer.sql}: window functions and ASOF joins, no
 * procedural step), then compares them with the engine's topics and/or the simulator's ground truth and prints
 * the time it took. See the module README.
 */
@Command(
        name = "duckdb-peer",
        mixinStandardHelpOptions = true,
        description = "Stays and 12/16 outcomes of a card file computed by DuckDB SQL, compared with the engine.")
public final class DuckDbPeer implements Callable<Integer> {
    @Option(names = "--file", required = true, description = "Card CSV (optionally .csv.gz), RULES.md §1 header.")
    Path file;

    @Option(names = "--kafka", description = "Compare with the engine's spells and crossing-outcomes topics.")
    boolean kafka;

    @Option(names = "--truth", description = "Compare with a ground-truth directory (spells/outcomes-delivered.csv).")
    Path truth;

    @Option(names = "--horizon-days", description = "Re-ordering horizon (default ${DEFAULT-VALUE}).")
    int horizonDays = 30;

    @Option(names = "--engine-seconds", description = "Engine backfill time of the same file, for the speed ratio.")
    Double engineSeconds;

    @Option(
            names = "--publish",
            description = "Publish the file to the inbound topic first and time the engine "
                    + "(start to last growth of crossing-outcomes); implies --kafka.")
    boolean publish;

    @Option(
            names = "--quiet-seconds",
            description = "With --publish: outcomes still this long = engine done (default ${DEFAULT-VALUE}).")
    int quietSeconds = 20;

    @Option(names = "--work", description = "Working directory for engine topic dumps (default target/peer-work).")
    Path work = Path.of("target", "peer-work");

    @Option(names = "--database", description = "DuckDB file (default in-memory).")
    String database = "";

    public static void main(String[] args) {
        System.exit(new CommandLine(new DuckDbPeer()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database)) {
            Map<String, Double> times = run(
                    c,
                    file,
                    DeploymentConfiguration.fromEnvironment().deployment(),
                    horizonDays,
                    RulesConfiguration.fromEnvironment());
            double total =
                    times.values().stream().mapToDouble(Double::doubleValue).sum();
            System.out.printf("peer: %s; total %.2f s%n", format(times), total);
            System.out.printf(
                    "peer: %,d cards read, %,d accepted, %,d spells, %,d outcomes, clock %s%n",
                    PeerComparison.count(c, "SELECT count(*) FROM card"),
                    PeerComparison.count(c, "SELECT count(*) FROM accepted"),
                    PeerComparison.count(c, "SELECT count(*) FROM peer_spells"),
                    PeerComparison.count(c, "SELECT count(*) FROM peer_outcomes"),
                    clock(c));
            if (publish) {
                kafka = true;
                engineSeconds = EnginePublisher.publishAndWait(
                        c, KafkaConfiguration.fromEnvironment().settings(), quietSeconds);
            }
            if (engineSeconds != null) {
                System.out.printf(
                        "speed: engine %.2f s, peer %.2f s, engine/peer time ratio %.2f%n",
                        engineSeconds, total, engineSeconds / total);
            }
            boolean agree = true;
            if (truth != null) {
                loadTruth(c, truth);
                agree &= PeerComparison.compare(c, "truth", System.out).agree();
            }
            if (kafka) {
                long t0 = System.nanoTime();
                EngineTopics.Counts n =
                        EngineTopics.read(KafkaConfiguration.fromEnvironment().settings(), work);
                System.out.printf(
                        "engine topics: %,d spells, %,d outcomes read in %.1f s%n",
                        n.spells(), n.outcomes(), (System.nanoTime() - t0) / 1e9);
                loadEngine(c, work);
                onlyThisFile(c);
                warnIfClocksDiffer(c, clock(c), System.out);
                agree &= PeerComparison.compare(c, "engine", System.out).agree();
            }
            System.out.println(agree ? "AGREE" : "DISAGREE");
            return agree ? 0 : 1;
        }
    }

    /** Runs the peer SQL on a card file under the documented rules and returns the seconds per step. */
    public static Map<String, Double> run(Connection c, Path file, Deployment deployment, int horizonDays)
            throws IOException, SQLException {
        return run(c, file, deployment, horizonDays, RulesConfiguration.defaults());
    }

    /** Runs the peer SQL on a card file under {@code rules} and returns the seconds per step. */
    public static Map<String, Double> run(
            Connection c, Path file, Deployment deployment, int horizonDays, RulesConfiguration rules)
            throws IOException, SQLException {
        String sql = sql().replace("${file}", file.toAbsolutePath().toString().replace("'", "''"))
                .replace("${zone}", deployment.timeZone().getId())
                .replace("${country}", deployment.reportingCountry())
                .replace("${horizon}", String.valueOf(horizonDays))
                .replace("${visit}", String.valueOf(rules.visitDays()))
                .replace("${long_term}", String.valueOf(rules.longTermDays()))
                .replace("${window}", String.valueOf(rules.windowDays()))
                .replace("${threshold}", String.valueOf(rules.thresholdDays()))
                .replace("${allowance}", String.valueOf(rules.windowDays() - rules.thresholdDays()));
        Map<String, Double> times = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            for (String statement : sql.split("\n;\n")) {
                String body = stripComments(statement);
                if (body.isBlank()) {
                    continue;
                }
                long t0 = System.nanoTime();
                s.execute(body);
                String step = stepName(body);
                times.merge(step, (System.nanoTime() - t0) / 1e9, Double::sum);
            }
        }
        return times;
    }

    /** Loads the simulator's expected spells and outcomes from the delivered records as e_spells / e_outcomes. */
    public static void loadTruth(Connection c, Path truthDir) throws SQLException {
        String spells =
                truthDir.resolve("spells-delivered.csv").toAbsolutePath().toString();
        String outcomes =
                truthDir.resolve("outcomes-delivered.csv").toAbsolutePath().toString();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE e_spells AS SELECT start_event_id, kind, state, end_event_id, "
                    + "try_cast(duration_days AS INTEGER) AS duration_days, duration_class, "
                    + "class_final::BOOLEAN AS class_final, labour::BOOLEAN AS labour "
                    + "FROM read_csv('" + spells + "', header = true, all_varchar = true)");
            s.execute("CREATE OR REPLACE TABLE e_outcomes AS SELECT event_id, "
                    + "status_before = 'RESIDENT' AS resident_before, status_after = 'RESIDENT' AS resident_after, "
                    + "long_term_migration::BOOLEAN AS long_term_migration, final_date::DATE AS final_date "
                    + "FROM read_csv('" + outcomes + "', header = true, all_varchar = true)");
        }
    }

    /** Loads the engine's topic dumps written by {@link EngineTopics} as e_spells / e_outcomes. */
    public static void loadEngine(Connection c, Path dir) throws SQLException {
        String spells = dir.resolve("e_spells.csv").toAbsolutePath().toString();
        String outcomes = dir.resolve("e_outcomes.csv").toAbsolutePath().toString();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE e_spells AS SELECT traveller_id, start_event_id, kind, state, "
                    + "end_event_id, try_cast(duration_days AS INTEGER) AS duration_days, duration_class, "
                    + "class_final::BOOLEAN AS class_final, labour::BOOLEAN AS labour, try_cast(as_of AS DATE) AS as_of "
                    + "FROM read_csv('" + spells + "', header = true, all_varchar = true)");
            s.execute("CREATE OR REPLACE TABLE e_outcomes AS SELECT traveller_id, event_id, "
                    + "resident_before::BOOLEAN AS resident_before, resident_after::BOOLEAN AS resident_after, "
                    + "long_term_migration::BOOLEAN AS long_term_migration, final_date::DATE AS final_date, "
                    + "provisional::BOOLEAN AS provisional "
                    + "FROM read_csv('" + outcomes + "', header = true, all_varchar = true)");
        }
    }

    /**
     * The engine's clock (latest asOf on its spells). Open spells' classes and provisional outcomes are only
     * comparable when it equals the clock of the other side, so a difference is warned about.
     */
    public static void warnIfClocksDiffer(Connection c, String otherClock, java.io.PrintStream out)
            throws SQLException {
        try (Statement s = c.createStatement();
                var r = s.executeQuery("SELECT max(as_of) FROM e_spells")) {
            r.next();
            String engine = r.getString(1);
            if (engine != null && otherClock != null && !engine.equals(otherClock)) {
                out.printf(
                        "WARNING: engine clock %s, truth/peer clock %s: the engine has seen other crossings since; "
                                + "open spells' classes and provisional outcomes will differ (run on a fresh broker)%n",
                        engine, otherClock);
            }
        }
    }

    /** Keeps the engine's records of this file's crossings only (the topics may hold other runs' data). */
    static void onlyThisFile(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            long before = PeerComparison.count(c, "SELECT count(*) FROM e_spells");
            s.execute("DELETE FROM e_spells WHERE start_event_id NOT IN (SELECT event_id FROM card)");
            s.execute("DELETE FROM e_outcomes WHERE event_id NOT IN (SELECT event_id FROM card)");
            long after = PeerComparison.count(c, "SELECT count(*) FROM e_spells");
            if (after != before) {
                System.out.printf("engine: %,d spells of crossings not in this file left out%n", before - after);
            }
        }
    }

    static String clock(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                var r = s.executeQuery("SELECT clock FROM clock")) {
            r.next();
            return r.getString(1);
        }
    }

    static String sql() throws IOException {
        try (InputStream in = DuckDbPeer.class.getResourceAsStream("/peer/peer.sql")) {
            if (in == null) {
                throw new IOException("peer/peer.sql is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String stripComments(String statement) {
        StringBuilder b = new StringBuilder();
        for (String line : statement.split("\n")) {
            if (!line.stripLeading().startsWith("--")) {
                b.append(line).append('\n');
            }
        }
        return b.toString();
    }

    private static String stepName(String body) {
        String name = body.replaceAll("(?s).*?CREATE OR REPLACE TABLE (\\w+).*", "$1");
        return switch (name) {
            case "raw", "card" -> "load";
            case "valid", "timely", "accepted", "clock" -> "validate+dedupe";
            case "seq", "peer_spells", "peer_orphans" -> "spells";
            default -> "12/16";
        };
    }

    private static String format(Map<String, Double> times) {
        StringBuilder b = new StringBuilder();
        times.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(String.format("%s %.2f s", k, v)));
        return b.toString();
    }

    static void ensureDir(Path p) throws IOException {
        Files.createDirectories(p);
    }
}
