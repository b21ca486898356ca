package org.borderflows.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A service's runnable distribution as `mvn package` builds it (services/SERVICE/target/SERVICE-VERSION-dist.tar.gz,
 * from deploy/dist/assembly.xml), unpacked with tar into target/dist/SERVICE of this module: bin/SERVICE, lib/,
 * conf/. Each tarball is unpacked once per test JVM.
 */
final class Distribution {
    private static final Map<String, Distribution> UNPACKED = new HashMap<>();

    final String service;
    final Path tarball;
    final Path home;

    private Distribution(String service, Path tarball, Path home) {
        this.service = service;
        this.tarball = tarball;
        this.home = home;
    }

    /** The tarball of a service module (services/SERVICE), unpacked. */
    static synchronized Distribution of(String service) throws IOException, InterruptedException {
        Distribution known = UNPACKED.get(service);
        if (known != null) {
            return known;
        }
        Path tarball = tarball(service);
        Path home = Path.of("target/dist", service).toAbsolutePath();
        deleteRecursively(home);
        Files.createDirectories(home);
        run(List.of("tar", "-xzf", tarball.toString(), "-C", home.toString(), "--strip-components=1"));
        Distribution unpacked = new Distribution(service, tarball, home);
        UNPACKED.put(service, unpacked);
        return unpacked;
    }

    static Path tarball(String service) throws IOException {
        Path target = ServiceProcess.REPO.resolve("services").resolve(service).resolve("target");
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(target, service + "-*-dist.tar.gz")) {
                files.forEach(found::add);
            }
        }
        if (found.size() != 1) {
            throw new IllegalStateException("expected one " + service + "-<version>-dist.tar.gz in " + target
                    + ", found " + found + ": package services/" + service + " first (mvn verify does)");
        }
        return found.get(0);
    }

    /** The paths inside the tarball, as tar lists them. */
    List<String> entries() throws IOException, InterruptedException {
        return List.of(run(List.of("tar", "-tzf", tarball.toString())).split("\n"));
    }

    Path launcher() {
        return home.resolve("bin").resolve(service);
    }

    /** A process running bin/SERVICE with these arguments, on this test's JDK (JAVA_HOME). */
    ProcessBuilder command(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
