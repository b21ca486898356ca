package org.borderflows.gateway.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The answer to a batch: how many records were accepted and rejected and, for each rejected record (up to a
 * configured number), its 1-based position in the batch, its event_id when it had one, and one reason per
 * failing field. Every rejected record is also on the rejected-records topic, listed here or not.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IngestReport(long accepted, long rejected, List<Rejection> rejections, boolean rejectionsTruncated) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Rejection(long position, String eventId, List<Reason> errors) {}

    /** One failing field: RULES.md §1 name (or "record"), machine-readable code, message. */
    @Serdeable
    public record Reason(String field, String code, String message) {}
}
