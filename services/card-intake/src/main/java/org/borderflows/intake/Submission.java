package org.borderflows.intake;

import java.time.Instant;
import org.borderflows.schema.Intake;
import org.borderflows.schema.IntakeChannel;

/**
 * Who submits a batch, how, and what they may report: the context in which each of its records is validated.
 *
 * @param submitter API client, file submitter or Kafka producer name (never a secret)
 * @param posts the border posts the submitter may report for (RULES.md §1 border_post; NOT_OWN_POST otherwise)
 * @param receivedAt when the batch arrived; stamped on every accepted crossing
 * @param archiveLoad the archive load the batch belongs to (RULES.md §8), null for live traffic
 */
public record Submission(
        IntakeChannel channel, String submitter, PostPermission posts, Instant receivedAt, String archiveLoad) {
    /** Live traffic: not part of an archive load. */
    public Submission(IntakeChannel channel, String submitter, PostPermission posts, Instant receivedAt) {
        this(channel, submitter, posts, receivedAt, null);
    }

    /** The Avro intake stamp shared by every crossing of the batch. */
    public Intake intake() {
        return new Intake(channel, submitter, receivedAt, archiveLoad);
    }
}
