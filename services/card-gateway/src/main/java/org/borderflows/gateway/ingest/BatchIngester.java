package org.borderflows.gateway.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.borderflows.intake.CardFormat;
import org.borderflows.intake.CardIntake;
import org.borderflows.intake.CardReader;
import org.borderflows.intake.IntakePublisher;
import org.borderflows.intake.IntakeResult;
import org.borderflows.intake.PublishBatch;
import org.borderflows.intake.RawCard;
import org.borderflows.intake.Submission;
import org.borderflows.schema.FieldError;
import org.borderflows.schema.RejectedRecord;

/**
 * Streams one request body through the intake: reads a record, validates and pseudonymises it, hands the
 * crossing or rejection to the producer, and only then reads the next, so memory holds one record plus what
 * the producer buffers (bounded by buffer.memory; a full buffer blocks the read, which is the back pressure on
 * the client). The outcome is durable only if Kafka acknowledged every record; otherwise the caller answers 503
 * and the client re-sends the batch (the engine counts a repeated event_id once, RULES.md §3).
 *
 * <p>Free of Micronaut so it can be tested and reused on its own.
 */
public final class BatchIngester {
    private final CardIntake intake;
    private final IntakePublisher publisher;
    private final int maxRejectionsListed;
    private final Duration acknowledgementTimeout;

    public BatchIngester(
            CardIntake intake, IntakePublisher publisher, int maxRejectionsListed, Duration acknowledgementTimeout) {
        this.intake = intake;
        this.publisher = publisher;
        this.maxRejectionsListed = maxRejectionsListed;
        this.acknowledgementTimeout = acknowledgementTimeout;
    }

    /** What happened to a batch. */
    public sealed interface Outcome {}

    /** Every record was read and Kafka acknowledged all of them. */
    public record Durable(IngestReport report) implements Outcome {}

    /** Kafka did not acknowledge everything: nothing of the batch may be reported as stored. */
    public record KafkaUnavailable(String reason) implements Outcome {}

    /** The body held no record at all (e.g. a CSV header alone, an empty array). */
    public record NoRecords() implements Outcome {}

    public Outcome ingest(InputStream body, CardFormat format, Submission submission)
            throws IOException, InterruptedException {
        PublishBatch batch = new PublishBatch();
        long accepted = 0;
        long rejected = 0;
        List<IngestReport.Rejection> listed = new ArrayList<>();
        try (CardReader reader = format.open(body)) {
            RawCard card;
            while ((card = reader.next()) != null) {
                if (batch.hasFailed()) {
                    return unavailable(batch);
                }
                IntakeResult result = intake.process(card, submission);
                publisher.publish(result, batch);
                if (result instanceof IntakeResult.Rejected r) {
                    rejected++;
                    if (listed.size() < maxRejectionsListed) {
                        listed.add(view(r.rejection()));
                    }
                } else {
                    accepted++;
                }
            }
        }
        if (accepted + rejected == 0) {
            return new NoRecords();
        }
        if (!batch.awaitAll(acknowledgementTimeout)) {
            return unavailable(batch);
        }
        return new Durable(new IngestReport(accepted, rejected, listed, rejected > listed.size()));
    }

    private static KafkaUnavailable unavailable(PublishBatch batch) {
        Exception failure = batch.failure();
        String reason = failure == null
                ? "Kafka did not acknowledge every record in time"
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return new KafkaUnavailable(reason);
    }

    private static IngestReport.Rejection view(RejectedRecord rejection) {
        List<IngestReport.Reason> reasons =
                new ArrayList<>(rejection.getErrors().size());
        for (FieldError e : rejection.getErrors()) {
            reasons.add(new IngestReport.Reason(e.getField(), e.getCode(), e.getMessage()));
        }
        return new IngestReport.Rejection(rejection.getPosition(), rejection.getEventId(), reasons);
    }
}
