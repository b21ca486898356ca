package org.borderflows.intake;

import org.borderflows.schema.Crossing;
import org.borderflows.schema.RejectedRecord;

/** What became of one record: an accepted, pseudonymised crossing, or a rejection with its reasons. */
public sealed interface IntakeResult {
    long position();

    record Accepted(long position, Crossing crossing) implements IntakeResult {}

    record Rejected(long position, RejectedRecord rejection) implements IntakeResult {}
}
