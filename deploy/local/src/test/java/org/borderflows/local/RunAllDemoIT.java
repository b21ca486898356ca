package org.borderflows.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.borderflows.query.dashboard.DashboardPage;
import org.junit.jupiter.api.Test;

/**
 * The demo as a newcomer runs it: {@code deploy/local/run-all.sh --no-build} on the distributions `mvn package` built
 * (a real broker, the gateway, one stay engine, flow-query and the simulated border posts, each its own process),
 * with its own data folder (a temporary directory) and free ports. Once the script says the history is loaded (its
 * figures reach the history's last month and count 99% of the accepted cards), the dashboard is opened in headless
 * Chromium and every panel must show figures on axes with ticks ({@link DashboardPage}, the checks of the dashboard's
 * own test), for the public and for a statistician, with the tables' clock at the end of the history or later and
 * arrivals in its last month. Then the script is stopped as Ctrl-C stops it (a signal; SIGTERM takes the same path)
 * and every process it started must be gone and every port free.
 *
 * <p>Prints where the time went: the broker, the services answering, the history loaded (the script's own lines) and
 * every panel non-empty, each from the script's start. The time is printed, not asserted, beyond a generous timeout.
 * Screenshots go to target/failsafe-reports/demo-screenshots, the script's output and the services' logs to
 * target/demo-logs.
 */
class RunAllDemoIT {
    static final Path REPO = Path.of("").toAbsolutePath().getParent().getParent();
    private static final Path SCRIPT = REPO.resolve("deploy/local/run-all.sh");
    private static final Path SCREENSHOTS = Path.of("target", "failsafe-reports", "demo-screenshots");
    private static final Path LOGS = Path.of("target", "demo-logs");
    /** The demo's defaults: what a newcomer gets (the history: 10,000 travellers, 62,320 cards over 2022-2024). */
    private static final List<String> DEMO_ARGUMENTS = List.of();

    /** Last month of the default history (run-all.sh --history 2022-01:2024-12), and as the dashboard names it. */
    private static final String HISTORY_END = "2024-12";

    private static final String HISTORY_END_LABEL = "Dec 2024";

    private static final Duration HISTORY_TIMEOUT = Duration.ofMinutes(8);
    private static final Duration PANELS_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern MILESTONE =
            Pattern.compile("(broker up|services answering|history loaded) after (\\d+) s");

    @Test
    void afterItsHistoryLoadTheDemoShowsFiguresInEveryPanelAndStopsCleanly() throws Exception {
        assertThat(SCRIPT).isExecutable();
        Path data = Files.createTempDirectory("border-flows-demo");
        int base = freePortRun(4);
        int kafkaPort = freePortRun(1);
        int controllerPort = freePortRun(1);
        List<Integer> ports = List.of(base, base + 1, base + 2, base + 3, kafkaPort, controllerPort);
        List<String> command = new ArrayList<>(
                List.of(SCRIPT.toString(), "--no-build", "--data", data.toString(), "--ports", String.valueOf(base)));
        command.addAll(DEMO_ARGUMENTS);
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true);
        builder.environment().put("KAFKA_PORT", String.valueOf(kafkaPort));
        builder.environment().put("KAFKA_CONTROLLER_PORT", String.valueOf(controllerPort));
        builder.environment().remove("KAFKA_DATA_DIR");
        builder.environment().remove("BORDER_FLOWS_DATA_DIR");
        Files.createDirectories(LOGS);
        System.out.println("demo: " + String.join(" ", command) + " (KAFKA_PORT=" + kafkaPort + ")");

        long start = System.nanoTime();
        Process demo = builder.start();
        ScriptOutput output = new ScriptOutput(demo, start, LOGS.resolve("run-all.out"));
        output.start();
        List<ProcessHandle> started = new ArrayList<>();
        long openedAt = -1;
        long panelsAt = -1;
        // The browser starts with the demo, so that the time to every panel non-empty is the demo's, not Chromium's.
        try (DashboardPage page = DashboardPage.start(PANELS_TIMEOUT, SCREENSHOTS)) {
            assertThat(output.awaitLine("history loaded after", HISTORY_TIMEOUT))
                    .as("run-all.sh prints that the history is loaded within " + HISTORY_TIMEOUT + "; output in "
                            + LOGS.resolve("run-all.out"))
                    .isTrue();
            // Everything the script started, the broker (started by kafka.sh, not a child) included.
            demo.descendants().forEach(started::add);
            ProcessHandle.of(Long.parseLong(
                            Files.readString(data.resolve("kafka/broker.pid")).trim()))
                    .ifPresent(started::add);

            page.open("http://localhost:" + base);
            openedAt = System.nanoTime();
            page.everyPanelDrawsOnAxes();
            panelsAt = System.nanoTime();
            // The clock the dashboard shows is the tables' clock: at the end of the history or later (live).
            String clock = page.text("as-of").replace("clock: ", "");
            assertThat(clock).as("the tables' clock").matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(clock.substring(0, 7)).isGreaterThanOrEqualTo(HISTORY_END);
            assertThat(page.text("protected-badge")).isEqualTo("protected (public)");
            // The history is in the figures, not only in the clock: its last month has arrivals.
            assertThat(page.titles("#chart-flows .marker"))
                    .as("arrivals of the history's last month")
                    .anyMatch(t -> t.matches("arrivals, " + HISTORY_END_LABEL + ": [1-9][0-9,]* \\(.*\\)"));
            page.screenshot("demo-public");

            page.signIn("statistician", "statistician-dev-password");
            page.everyPanelDrawsOnAxes();
            page.screenshot("demo-statistician");
            assertThat(demo.isAlive()).as("the demo still runs").isTrue();
        } finally {
            stop(demo, started, output);
            copyLogs(data);
            printTimings(
                    output,
                    openedAt < 0 ? -1 : seconds(openedAt - start),
                    panelsAt < 0 ? -1 : seconds(panelsAt - start));
        }

        assertThat(demo.exitValue())
                .as("run-all.sh's exit status after SIGTERM")
                .isEqualTo(143);
        assertThat(started).as("processes the demo started").noneMatch(ProcessHandle::isAlive);
        assertThat(processesUsing(data)).as("processes left using " + data).isEmpty();
        for (int port : ports) {
            assertThat(listening(port)).as("port " + port + " after the stop").isFalse();
        }
        assertThat(output.text()).contains("stopping...", "Kafka stopped");
        deleteRecursively(data);
    }

    /** The script's own timing lines, the dashboard's first refresh and every panel non-empty (-1: not reached). */
    private static void printTimings(ScriptOutput output, long openedSeconds, long panelsSeconds) {
        Map<String, Long> times = new LinkedHashMap<>(output.milestones());
        times.put("dashboard's first refresh (seen by the test)", openedSeconds);
        times.put("every panel non-empty (seen by the test)", panelsSeconds);
        System.out.println("demo timings, seconds from the start of run-all.sh --no-build " + DEMO_ARGUMENTS + ":");
        times.forEach((what, s) -> System.out.printf("  %-45s %4d s%n", what, s));
    }

    /**
     * SIGTERM to the script (its Ctrl-C path); if it does not end in time, what it started is killed. The signal goes
     * through the process handle: Process.destroy would also close the script's output before its last lines.
     */
    private static void stop(Process demo, List<ProcessHandle> started, ScriptOutput output)
            throws InterruptedException {
        demo.toHandle().destroy();
        if (!demo.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            demo.toHandle().destroyForcibly();
            demo.waitFor();
        }
        output.join(10_000);
        // Only if the script failed to stop them: so that a failed run leaves nothing behind (asserted above).
        for (ProcessHandle process : started) {
            if (process.isAlive()) {
                System.out.println("demo: still alive after the stop, killing " + process.info());
                process.destroyForcibly();
            }
        }
    }

    /** Processes whose command line names the data folder (every service runs from data/dist, the broker's logs). */
    private static List<String> processesUsing(Path data) {
        String folder = data.toString();
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(folder))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList();
    }

    private static void copyLogs(Path data) throws IOException {
        Path logs = data.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return;
        }
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.toList()) {
                Files.copy(file, LOGS.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The first of {@code count} consecutive ports that are all free, at random in the dynamic range. */
    private static int freePortRun(int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            // below Linux's ephemeral range (32768-60999), from which outgoing connections take their local ports: a
            // port free now but in that range can be taken by a client before the service binds it
            int first = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            boolean free = true;
            for (int port = first; port < first + count && free; port++) {
                try (ServerSocket socket = new ServerSocket(port)) {
                    socket.setReuseAddress(true);
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports");
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("localhost", port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static long seconds(long nanos) {
        return Math.round(nanos / 1e9);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * Reads the script's output as it comes: every line (a progress line is rewritten with carriage returns) goes to
     * a file with the seconds since the start; whole lines go to the test's output too. Remembers when each of the
     * script's timing lines appeared.
     */
    private static final class ScriptOutput extends Thread {
        private final Reader reader;
        private final long start;
        private final Path file;
        private final StringBuilder text = new StringBuilder();
        private final Map<String, Long> milestones = new LinkedHashMap<>();

        ScriptOutput(Process process, long start, Path file) {
            super("run-all.sh output");
            setDaemon(true);
            this.reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.start = start;
            this.file = file;
        }

        @Override
        public void run() {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
                StringBuilder line = new StringBuilder();
                int c;
                while ((c = reader.read()) != -1) {
                    if (c != '\r' && c != '\n') {
                        line.append((char) c);
                        continue;
                    }
                    String l = line.toString();
                    line.setLength(0);
                    long at = seconds(System.nanoTime() - start);
                    out.printf("%4d s  %s%n", at, l);
                    out.flush();
                    if (c == '\n' && !l.isBlank()) {
                        System.out.printf("demo %4d s  %s%n", at, l);
                    }
                    synchronized (this) {
                        text.append(l).append('\n');
                        Matcher m = MILESTONE.matcher(l);
                        if (m.find()) {
                            milestones.put(m.group(1) + " (run-all.sh)", Long.parseLong(m.group(2)));
                        }
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                System.out.println("demo: output no longer readable: " + e);
            }
            synchronized (this) {
                notifyAll();
            }
        }

        /** True once a line containing {@code what} was printed; false on timeout or if the script ended first. */
        synchronized boolean awaitLine(String what, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (text.indexOf(what) < 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !isAlive()) {
                    return false;
                }
                wait(Math.max(1, Math.min(1000, left / 1_000_000)));
            }
            return true;
        }

        synchronized String text() {
            return text.toString();
        }

        synchronized Map<String, Long> milestones() {
            return new LinkedHashMap<>(milestones);
        }
    }
}
