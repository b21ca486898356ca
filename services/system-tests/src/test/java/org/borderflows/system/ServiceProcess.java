package org.borderflows.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One packaged service run as its own JVM, exactly as deploy/local runs it: bin/SERVICE of its distribution
 * (target/SERVICE-VERSION-dist.tar.gz, unpacked by {@link Distribution}). Output goes to
 * target/system-tests/<name>.log.
 */
final class ServiceProcess implements AutoCloseable {
    static final Path REPO = Path.of("").toAbsolutePath().getParent().getParent();

    private final String name;
    private final Process process;
    private final Path log;
    final int port;

    private final String scheme;

    private ServiceProcess(String name, Process process, Path log, int port, String scheme) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
        this.scheme = scheme;
    }

    /**
     * Starts the distribution of a service module (e.g. services/stay-engine), whose launch script must start
     * {@code mainClass}, with {@code env} added to this JVM's environment and a free HTTP port (HTTPS when env sets
     * BORDER_FLOWS_HTTPS_ENABLED=true).
     */
    static ServiceProcess start(String name, String module, String mainClass, Map<String, String> env)
            throws IOException, InterruptedException {
        Distribution distribution =
                Distribution.of(Path.of(module).getFileName().toString());
        if (!Files.readString(distribution.launcher()).contains(" " + mainClass + " ")) {
            throw new IllegalStateException(distribution.launcher() + " does not start " + mainClass);
        }
        int port = freePort();
        Path log = Path.of("target/system-tests/" + name + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder =
                distribution.command(List.of()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_OPTS", "-Xmx512m");
        // the local environment: the development keys and passwords are accepted (DevelopmentDefaults)
        builder.environment().put("MICRONAUT_ENVIRONMENTS", "local");
        builder.environment().putAll(env);
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        String scheme = "true".equals(env.get("BORDER_FLOWS_HTTPS_ENABLED")) ? "https" : "http";
        return new ServiceProcess(name, builder.start(), log, port, scheme);
    }

    URI uri(String path) {
        return URI.create(scheme + "://localhost:" + port + path);
    }

    /** Waits until GET /health answers 200 (the service is started and its Kafka Streams app is running). */
    void awaitHealthy(Duration timeout) throws InterruptedException {
        awaitHealthy(timeout, HttpClient.newHttpClient());
    }

    /** As {@link #awaitHealthy(Duration)}, asking with this client (one that trusts the service's certificate). */
    void awaitHealthy(Duration timeout, HttpClient http) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(uri("/health")).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
