package org.borderflows.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.borderflows.gateway.ingest.BatchIngester;
import org.borderflows.gateway.ingest.IngestReport;
import org.borderflows.intake.CardFormat;
import org.borderflows.intake.Submission;
import org.borderflows.schema.IntakeChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/crossings}: a batch of cards from a border post, streamed through validation and
 * pseudonymisation into Kafka. A 2xx answer means Kafka acknowledged every record (acks=all); otherwise 503
 * with Retry-After, and the client re-sends the whole batch (repeated event_ids are counted once downstream).
 * At most {@code border-flows.gateway.max-concurrent-requests} batches run at a time; more get 429.
 */
@Controller("/api/v1/crossings")
public class CrossingsController {
    private static final Logger LOG = LoggerFactory.getLogger(CrossingsController.class);
    static final String API_KEY_HEADER = "X-Api-Key";

    private final ApiKeys apiKeys;
    private final BatchIngester ingester;
    private final Clock clock;
    private final Semaphore inFlight;
    private final String retryAfter;
    private final Counter accepted;
    private final Counter rejected;
    private final MeterRegistry meters;

    public CrossingsController(
            ApiKeys apiKeys, BatchIngester ingester, Clock clock, GatewayConfiguration config, MeterRegistry meters) {
        this.apiKeys = apiKeys;
        this.ingester = ingester;
        this.clock = clock;
        this.inFlight = new Semaphore(config.maxConcurrentRequests());
        this.retryAfter = String.valueOf(config.retryAfterSeconds());
        this.meters = meters;
        this.accepted = Counter.builder("border_flows.cards")
                .tag("channel", "http")
                .tag("outcome", "accepted")
                .description("Cards received over HTTP and acknowledged by Kafka")
                .register(meters);
        this.rejected = Counter.builder("border_flows.cards")
                .tag("channel", "http")
                .tag("outcome", "rejected")
                .description("Cards received over HTTP and rejected (kept on rejected-records)")
                .register(meters);
        // every status from start-up, at 0: a rate over a series that does not exist yet is no rate at all
        BATCH_STATUSES.forEach(status -> meters.counter("border_flows.batches", "status", status));
    }

    /** Batches answered by status: 200 (stored), 429 (busy), 503 (Kafka did not acknowledge; an alert watches it). */
    private static final List<String> BATCH_STATUSES = List.of("200", "429", "503");

    private void countBatch(String status) {
        meters.counter("border_flows.batches", "status", status).increment();
    }

    @Operation(
            summary = "Submit a batch of migration-card crossings",
            description = "Body: one JSON object or an array of objects (application/json), one object per line"
                    + " (application/x-ndjson), or CSV with a header row of the RULES.md §1 field names (text/csv)."
                    + " Field names: event_id, card_number, direction, crossed_at, border_post, document_country,"
                    + " document_number, birth_date, sex, citizenship, purpose, intended_stay_days, transport."
                    + " Valid records are accepted even when others are rejected. The answer comes after Kafka"
                    + " acknowledged every record.")
    @ApiResponse(
            responseCode = "200",
            description = "All records read and durably stored: accepted and rejected counts, reasons per rejected"
                    + " record",
            content = @Content(schema = @Schema(implementation = IngestReport.class)))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = "text/csv",
                        examples =
                                @io.swagger.v3.oas.annotations.media.ExampleObject(
                                        value = "event_id,direction,crossed_at,border_post,document_country,"
                                                + "document_number,birth_date,sex,citizenship,purpose\n"
                                                + "ALA-000001,ENTRY,2026-03-01T08:15:00+05:00,KZ-ALA-AIR,TJK,"
                                                + "N1234567,1990-05-17,M,TJK,WORK\n")),
                @Content(mediaType = "application/x-ndjson"),
                @Content(mediaType = "application/json")
            })
    @ApiResponse(
            responseCode = "400",
            description = "Empty body, or no record in it",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "401",
            description = "Missing or unknown X-Api-Key",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "415",
            description = "Content-Type not one of the three formats",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "429",
            description = "Too many batches in flight; retry after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "503",
            description = "Kafka did not acknowledge the batch; retry after Retry-After",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @Post
    @Consumes(MediaType.ALL)
    @Produces(MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> submit(
            @Parameter(description = "API key of the border post or client") @Header(API_KEY_HEADER) @Nullable
                    String apiKey,
            @Header(HttpHeaders.CONTENT_TYPE) @Nullable String contentType,
            @Body @Nullable InputStream body)
            throws IOException, InterruptedException {
        Optional<ApiKeys.Client> client = apiKeys.authenticate(apiKey);
        if (client.isEmpty()) {
            return error(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "missing or unknown " + API_KEY_HEADER + " header");
        }
        CardFormat format = CardFormat.ofMediaType(contentType);
        if (format == null) {
            return error(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "UNSUPPORTED_MEDIA_TYPE",
                    "Content-Type " + (contentType == null ? "(none)" : "'" + contentType + "'")
                            + " is not supported: send application/json (an object or an array),"
                            + " application/x-ndjson or text/csv");
        }
        if (!inFlight.tryAcquire()) {
            countBatch("429");
            return error(
                            HttpStatus.TOO_MANY_REQUESTS,
                            "TOO_MANY_REQUESTS",
                            "the gateway is processing as many batches as it may; retry after " + retryAfter + " s")
                    .header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        try {
            PushbackInputStream in = new PushbackInputStream(body == null ? InputStream.nullInputStream() : body, 1);
            int first = in.read();
            if (first < 0) {
                return error(HttpStatus.BAD_REQUEST, "EMPTY_BODY", "the request body is empty: send at least one card");
            }
            in.unread(first);
            Submission submission = new Submission(
                    IntakeChannel.HTTP,
                    client.get().name(),
                    client.get().posts(),
                    Instant.ofEpochMilli(clock.millis()));
            BatchIngester.Outcome outcome = ingester.ingest(in, format, submission);
            if (outcome instanceof BatchIngester.Durable durable) {
                IngestReport report = durable.report();
                accepted.increment(report.accepted());
                rejected.increment(report.rejected());
                countBatch("200");
                LOG.info(
                        "Batch from {} ({}): {} accepted, {} rejected",
                        client.get().name(),
                        format,
                        report.accepted(),
                        report.rejected());
                return HttpResponse.ok(report);
            }
            if (outcome instanceof BatchIngester.KafkaUnavailable unavailable) {
                countBatch("503");
                LOG.warn(
                        "Batch from {} not acknowledged by Kafka: {}",
                        client.get().name(),
                        unavailable.reason());
                return error(
                                HttpStatus.SERVICE_UNAVAILABLE,
                                "KAFKA_UNAVAILABLE",
                                "the records could not be stored durably (" + unavailable.reason()
                                        + "); nothing of this batch is confirmed: re-send the whole batch after "
                                        + retryAfter + " s (repeated event_ids are counted once)")
                        .header(HttpHeaders.RETRY_AFTER, retryAfter);
            }
            return error(
                    HttpStatus.BAD_REQUEST,
                    "NO_RECORDS",
                    "the body holds no card record (a CSV needs a header row and at least one data row)");
        } finally {
            inFlight.release();
        }
    }

    private static io.micronaut.http.MutableHttpResponse<ErrorBody> error(
            HttpStatus status, String code, String message) {
        return HttpResponse.<ErrorBody>status(status).body(new ErrorBody(code, message));
    }
}
