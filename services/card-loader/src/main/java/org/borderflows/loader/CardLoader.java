package org.borderflows.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.borderflows.intake.CardFormat;
import org.borderflows.intake.CardIntake;
import org.borderflows.intake.CardValidator;
import org.borderflows.intake.IntakePublisher;
import org.borderflows.platform.DevelopmentDefaults;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.config.DeploymentConfiguration;
import org.borderflows.platform.config.InvalidSettingException;
import org.borderflows.platform.config.KafkaConfiguration;
import org.borderflows.platform.config.PseudonymConfiguration;
import org.borderflows.platform.config.ValidationConfiguration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code card-loader [--format csv|ndjson] [--submitter NAME] [--archive] FILE}: publishes a card file straight to Kafka.
 * Kafka, deployment and pseudonym key come from the environment, like every border-flows component:
 * KAFKA_BOOTSTRAP_SERVERS, KAFKA_CLIENT_PROPERTIES, BORDER_FLOWS_REPORTING_COUNTRY, BORDER_FLOWS_TIME_ZONE,
 * BORDER_FLOWS_PSEUDONYM_KEY_FILE / BORDER_FLOWS_PSEUDONYM_KEY, BORDER_FLOWS_CLOCK_SKEW.
 *
 * <p>Exit status: 0 when every record was read and acknowledged by Kafka (rejections included), 1 when Kafka
 * did not acknowledge everything (re-run the file: repeated event_ids are counted once), 2 on a usage or file
 * error.
 */
@Command(
        name = "card-loader",
        mixinStandardHelpOptions = true,
        version = "card-loader 0.1",
        description = "Validates, pseudonymises and publishes a card file (CSV or NDJSON, optionally .gz) to Kafka.")
public final class CardLoader implements Callable<Integer> {
    @Option(
            names = "--format",
            description = "csv or ndjson (default: from the file name, .csv/.ndjson/.jsonl, .gz ignored)")
    String format;

    @Option(names = "--submitter", description = "Name recorded as the submitter of the cards (default: file:<name>)")
    String submitter;

    @Option(
            names = "--archive",
            description = "The file is an archive loaded beside live traffic (RULES.md §8): the stay engine holds its"
                    + " travellers until the whole file is in, then classifies them as if the archive had been loaded"
                    + " first. The load is named by the submitter; a failed run is completed by running it again.")
    boolean archive;

    @Option(
            names = "--release-archive",
            paramLabel = "LOAD",
            description = "Instead of loading a file: mark the archive load LOAD complete as of every crossing written"
                    + " so far (a load abandoned after a failed run, or an engine replayed after engine-clock's"
                    + " retention), so the stay engine releases its travellers.")
    String releaseArchive;

    @Option(names = "--no-progress", description = "Do not draw the progress bar on stderr")
    boolean noProgress;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "The card file")
    Path file;

    public static void main(String[] args) {
        System.exit(new CommandLine(new CardLoader()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (releaseArchive != null) {
            return release();
        }
        if (file == null) {
            System.err.println("card-loader: name the card FILE to load (--help for the options)");
            return 2;
        }
        if (!Files.isRegularFile(file)) {
            System.err.println("card-loader: no such file: " + file);
            return 2;
        }
        CardFormat cardFormat = format == null
                ? CardFormat.ofFileName(file.getFileName().toString())
                : switch (format.toLowerCase(Locale.ROOT)) {
                    case "csv" -> CardFormat.CSV;
                    case "ndjson", "jsonl" -> CardFormat.NDJSON;
                    default -> null;
                };
        if (cardFormat == null || cardFormat == CardFormat.JSON) {
            System.err.println("card-loader: say --format csv or --format ndjson (cannot tell from '" + file + "')");
            return 2;
        }
        String name = submitter == null ? "file:" + file.getFileName() : submitter;

        PseudonymConfiguration pseudonym;
        DeploymentConfiguration deployment;
        KafkaConfiguration kafka;
        ValidationConfiguration validation;
        try {
            pseudonym = PseudonymConfiguration.fromEnvironment();
            deployment = DeploymentConfiguration.fromEnvironment();
            kafka = KafkaConfiguration.fromEnvironment();
            validation = ValidationConfiguration.fromEnvironment();
            DevelopmentDefaults.fromEnvironment().check("card-loader", pseudonym.developmentKeyInUse());
        } catch (InvalidSettingException | IllegalStateException refused) {
            System.err.println(refused.getMessage());
            return 2;
        }
        Clock clock = Clock.systemUTC();
        CardIntake intake = new CardIntake(
                new CardValidator(deployment.deployment(), clock, validation.clockSkew()),
                pseudonym.pseudonymiser(),
                clock);
        KafkaSettings settings = kafka.settings();
        try (IntakePublisher publisher = IntakePublisher.create(
                settings,
                "card-loader",
                Map.of("linger.ms", "20", "buffer.memory", String.valueOf(64L << 20), "max.block.ms", "30000"))) {
            try {
                if (archive) {
                    publisher.checkArchiveTopics();
                } else {
                    publisher.checkTopics();
                }
            } catch (RuntimeException e) {
                System.err.println("card-loader: cannot reach the topics crossings and rejected-records"
                        + (archive ? " and engine-clock" : "") + " at " + settings.bootstrapServers() + ": "
                        + e.getMessage());
                return 1;
            }
            FileLoader.Summary summary = new FileLoader(intake, publisher, clock, Duration.ofMinutes(5))
                    .load(file, cardFormat, name, archive ? name : null, noProgress ? null : System.err);
            print(summary);
            if (archive && summary.durable()) {
                System.out.println("  archive load '" + name + "' complete: the stay engine publishes its travellers");
            } else if (archive) {
                System.out.println("  archive load '" + name + "' NOT complete: its travellers stay held until the"
                        + " same file is loaded again with --archive (and the same --submitter)");
            }
            return summary.durable() ? 0 : 1;
        }
    }

    private int release() throws InterruptedException {
        KafkaSettings settings;
        try {
            settings = KafkaConfiguration.fromEnvironment().settings();
        } catch (InvalidSettingException refused) {
            System.err.println(refused.getMessage());
            return 2;
        }
        try (IntakePublisher publisher = IntakePublisher.create(settings, "card-loader", Map.of())) {
            boolean done = ArchiveRelease.release(settings, publisher, releaseArchive, Duration.ofSeconds(60));
            System.out.println(
                    done
                            ? "card-loader: archive load '" + releaseArchive + "' released as of every crossing"
                                    + " written so far"
                            : "card-loader: the release of '" + releaseArchive
                                    + "' was not acknowledged: run it again");
            return done ? 0 : 1;
        } catch (RuntimeException e) {
            System.err.println("card-loader: cannot release '" + releaseArchive + "' at " + settings.bootstrapServers()
                    + ": " + e.getMessage());
            return 1;
        }
    }

    private void print(FileLoader.Summary s) {
        System.out.printf(
                Locale.ROOT,
                "card-loader: %s (%s, submitter %s%s)%n",
                file,
                format(s),
                submitter(s),
                archive ? ", archive load" : "");
        System.out.printf(Locale.ROOT, "  records   %,d%n", s.records());
        System.out.printf(Locale.ROOT, "  accepted  %,d  -> topic crossings%n", s.accepted());
        // (when not durable, "accepted" counts validation only: the records may not all be on the topics)
        System.out.printf(
                Locale.ROOT,
                "  rejected  %,d  -> topic rejected-records%s%n",
                s.rejected(),
                s.rejectionFile() == null ? "" : " and " + s.rejectionFile());
        System.out.printf(Locale.ROOT, "  elapsed   %.1f s, %,.0f records/s%n", s.seconds(), s.recordsPerSecond());
        System.out.println(
                s.durable()
                        ? "  every record acknowledged by Kafka (acks=all)"
                        : "  NOT DURABLE: " + s.failure()
                                + "\n  re-run the same file: repeated event_ids are counted once downstream");
    }

    private String format(FileLoader.Summary s) {
        return format == null ? "format from file name" : format;
    }

    private String submitter(FileLoader.Summary s) {
        return submitter == null ? "file:" + file.getFileName() : submitter;
    }
}
