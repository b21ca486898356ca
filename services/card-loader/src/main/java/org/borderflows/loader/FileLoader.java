package org.borderflows.loader;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import org.borderflows.intake.CardFormat;
import org.borderflows.intake.CardIntake;
import org.borderflows.intake.CardReader;
import org.borderflows.intake.IntakePublisher;
import org.borderflows.intake.IntakeResult;
import org.borderflows.intake.PostPermission;
import org.borderflows.intake.PublishBatch;
import org.borderflows.intake.RawCard;
import org.borderflows.intake.ReadAheadCardReader;
import org.borderflows.intake.Submission;
import org.borderflows.schema.IntakeChannel;

/**
 * Publishes one card file (CSV or NDJSON, optionally gzip) through the same {@link CardIntake} as the gateway:
 * crossings to the crossings topic, rejections to the rejected-records topic and to
 * {@code <FILE>.rejected.ndjson}. The file streams through (parsed on a second thread, {@link ReadAheadCardReader});
 * memory holds a few thousand records plus the producer buffer.
 *
 * <p>Loading the same file twice publishes its crossings twice; the stay engine counts a repeated event_id once
 * (RULES.md §3 duplicates), so a re-run after a failure is safe and does not double-count.
 */
public final class FileLoader {
    private final CardIntake intake;
    private final IntakePublisher publisher;
    private final Clock clock;
    private final Duration acknowledgementTimeout;

    public FileLoader(CardIntake intake, IntakePublisher publisher, Clock clock, Duration acknowledgementTimeout) {
        this.intake = intake;
        this.publisher = publisher;
        this.clock = clock;
        this.acknowledgementTimeout = acknowledgementTimeout;
    }

    /** What a load did. {@code durable} is true only if Kafka acknowledged every record. */
    public record Summary(
            long records,
            long accepted,
            long rejected,
            double seconds,
            boolean durable,
            String failure,
            Path rejectionFile) {
        public double recordsPerSecond() {
            return records / Math.max(seconds, 1e-3);
        }
    }

    public Summary load(Path file, CardFormat format, String submitter, PrintStream progressOut)
            throws IOException, InterruptedException {
        return load(file, format, submitter, null, progressOut);
    }

    /**
     * Loads the file as the archive load {@code archiveLoad} (null: live traffic), RULES.md §8: every crossing is
     * stamped with the load's name, and once Kafka has acknowledged all of them the loader writes the load's
     * completion records ({@link IntakePublisher#publishArchiveCompletion}), which release the travellers the stay
     * engine held for it. A run that is not durable writes none: its travellers stay held until the same load is
     * run again to the end.
     */
    public Summary load(Path file, CardFormat format, String submitter, String archiveLoad, PrintStream progressOut)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        Submission submission = new Submission(
                IntakeChannel.FILE, submitter, PostPermission.ALL, Instant.ofEpochMilli(clock.millis()), archiveLoad);
        PublishBatch batch = new PublishBatch();
        long accepted = 0;
        long rejected = 0;
        String failure = null;
        long size = Files.size(file);
        Progress progress = progressOut == null ? null : new Progress(progressOut, size);
        CountingInputStream counted = new CountingInputStream(Files.newInputStream(file));
        try (RejectionFile rejections = new RejectionFile(file);
                CardReader reader = new ReadAheadCardReader(format.open(decompressed(counted)))) {
            RawCard card;
            while ((card = reader.next()) != null) {
                IntakeResult result = intake.process(card, submission);
                publisher.publish(result, batch);
                if (result instanceof IntakeResult.Rejected r) {
                    rejected++;
                    rejections.write(r.rejection());
                } else {
                    accepted++;
                }
                if (batch.hasFailed()) {
                    break; // Kafka refused a record: the run cannot be durable, stop reading
                }
                if (((accepted + rejected) & 4095) == 0) {
                    if (progress != null) {
                        progress.update(accepted + rejected, counted.count());
                    }
                }
            }
            publisher.flush();
            boolean durable = batch.awaitAll(acknowledgementTimeout);
            if (durable && archiveLoad != null) {
                publisher.publishArchiveCompletion(archiveLoad, batch.lastCrossingOffsets(), batch);
                publisher.flush();
                durable = batch.awaitAll(acknowledgementTimeout);
            }
            if (!durable) {
                failure = batch.failure() == null
                        ? "Kafka did not acknowledge every record within " + acknowledgementTimeout
                        : batch.failure().toString();
            }
            if (progress != null) {
                progress.finish(accepted + rejected, counted.count());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Summary(
                    accepted + rejected,
                    accepted,
                    rejected,
                    seconds,
                    durable,
                    failure,
                    rejections.written() > 0 ? rejections.path() : null);
        }
    }

    /** The file's content, gunzipped when it starts with the gzip magic bytes (whatever its name). */
    private static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }
}
