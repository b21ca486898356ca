package org.borderflows.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The runnable distributions `mvn package` builds (deploy/dist): one tarball per service with its launch script,
 * its jars and its logging configuration, nothing pointing into the build machine's Maven repository; and the
 * launch script starts the service's main class from lib/, on JAVA_HOME's Java, with JAVA_OPTS and the arguments.
 */
class DistributionIT {

    @ParameterizedTest
    @CsvSource({
        "card-gateway,     org.borderflows.gateway.Application",
        "card-loader,      org.borderflows.loader.CardLoader",
        "stay-engine,      org.borderflows.engine.StayEngineApplication",
        "flow-query,       org.borderflows.query.Application",
        "border-simulator, org.borderflows.simulator.BorderSimulator"
    })
    void eachServiceHasATarballWithItsLaunchScriptJarsAndLogging(String service, String mainClass) throws Exception {
        Distribution distribution = Distribution.of(service);
        String top = distribution.tarball.getFileName().toString().replace("-dist.tar.gz", "");

        List<String> entries = distribution.entries();
        assertThat(entries)
                .contains(top + "/bin/" + service, top + "/lib/" + top + ".jar", top + "/conf/logback.xml")
                .anyMatch(entry -> entry.startsWith(top + "/lib/kafka-clients-"))
                .allMatch(entry -> entry.startsWith(top + "/"));
        assertThat(entries)
                .filteredOn(entry -> entry.startsWith(top + "/lib/") && !entry.endsWith("/"))
                .allMatch(entry -> entry.endsWith(".jar"));

        String script = Files.readString(distribution.launcher());
        assertThat(distribution.launcher()).isExecutable();
        assertThat(script)
                .startsWith("#!/bin/sh\n")
                .contains(" " + mainClass + " \"$@\"")
                .doesNotContain(".m2", "/repository/", "/target/", ServiceProcess.REPO.toString());
    }

    @Test
    void theLaunchScriptStartsTheMainClassFromLibWithJavaOptsAndTheArguments() throws Exception {
        Distribution loader = Distribution.of("card-loader");
        // -Xlog:class+load shows where each class came from: CardLoader from the distribution's own jar;
        // -XshowSettings:properties shows the Java that runs (JAVA_HOME is this test's).
        ProcessBuilder builder = loader.command(List.of("--help")).redirectErrorStream(true);
        builder.environment().put("JAVA_OPTS", "-Xmx64m -Xlog:class+load=info -XshowSettings:properties");

        Run run = Run.of(builder);

        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(run.output)
                .contains("org.borderflows.loader.CardLoader source: file:"
                        + loader.home.resolve("lib").toRealPath() + "/card-loader-")
                .contains("java.home = " + System.getProperty("java.home"))
                .contains("Usage: card-loader");
    }

    @Test
    void aJavaHomeWithoutJavaIsNamedInsteadOfFallingBackToThePath() throws Exception {
        ProcessBuilder builder = Distribution.of("card-loader").command(List.of("--help"));
        builder.redirectErrorStream(true).environment().put("JAVA_HOME", "/nonexistent-jdk");

        Run run = Run.of(builder);

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.output)
                .contains(
                        "card-loader: JAVA_HOME is /nonexistent-jdk, but /nonexistent-jdk/bin/java is not an executable");
    }

    @Test
    void outsideTheLocalEnvironmentTheEngineRefusesItsDevelopmentSecretsNamingTheKeys() throws Exception {
        ProcessBuilder builder =
                Distribution.of("stay-engine").command(List.of()).redirectErrorStream(true);
        builder.environment().remove("MICRONAUT_ENVIRONMENTS");
        builder.environment().remove("BORDER_FLOWS_ALLOW_DEVELOPMENT_DEFAULTS");
        builder.environment().put("JAVA_OPTS", "-Xmx256m");
        builder.environment().put("MICRONAUT_SERVER_PORT", "0");
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "localhost:1");

        Run run = Run.of(builder);

        assertThat(run.exitCode).as(run.output).isNotZero();
        assertThat(run.output)
                .contains("stay-engine refuses to start on development defaults of its secrets")
                .contains(
                        "border-flows.pseudonym.key-file (BORDER_FLOWS_PSEUDONYM_KEY_FILE, or BORDER_FLOWS_PSEUDONYM_KEY)")
                .contains("border-flows.security.users.agency.password (BORDER_FLOWS_AGENCY_PASSWORD)")
                .doesNotContain("agency-dev-password");
    }

    @Test
    void theLoaderRefusesTheDevelopmentPseudonymKeyUnlessExplicitlyAllowed() throws Exception {
        Distribution loader = Distribution.of("card-loader");
        Path file = Files.writeString(loader.home.resolve("empty.csv"), "");
        ProcessBuilder refused = loader.command(List.of(file.toString())).redirectErrorStream(true);
        refused.environment().remove("MICRONAUT_ENVIRONMENTS");
        refused.environment().remove("BORDER_FLOWS_ALLOW_DEVELOPMENT_DEFAULTS");
        refused.environment().put("KAFKA_BOOTSTRAP_SERVERS", "localhost:1");

        Run run = Run.of(refused);

        assertThat(run.exitCode).as(run.output).isEqualTo(2);
        assertThat(run.output).contains("card-loader refuses to start", "border-flows.pseudonym.key-file");

        // explicitly allowed: it goes on to Kafka (none at localhost:1), and says so
        ProcessBuilder allowed = loader.command(List.of(file.toString())).redirectErrorStream(true);
        allowed.environment().remove("MICRONAUT_ENVIRONMENTS");
        allowed.environment().put("BORDER_FLOWS_ALLOW_DEVELOPMENT_DEFAULTS", "true");
        allowed.environment().put("KAFKA_BOOTSTRAP_SERVERS", "localhost:1");

        Run next = Run.of(allowed);

        assertThat(next.output).doesNotContain("refuses to start").contains("cannot reach the topics");
    }

    private record Run(int exitCode, String output) {
        static Run of(ProcessBuilder builder) throws Exception {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
            return new Run(process.exitValue(), output);
        }
    }
}
