package org.borderflows.loader;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.borderflows.schema.FieldError;
import org.borderflows.schema.RejectedRecord;

/**
 * {@code <FILE>.rejected.ndjson}: one JSON object per rejected record, with its position (data row or line,
 * 1-based), event_id, reasons per field and the payload with the document number masked. Created at the first
 * rejection; a file left by an earlier run is removed first so it never mixes runs.
 */
final class RejectionFile implements Closeable {
    private static final JsonFactory JSON = new JsonFactory();

    private final Path path;
    private JsonGenerator out;
    private long written;

    RejectionFile(Path input) throws IOException {
        this.path = input.resolveSibling(input.getFileName() + ".rejected.ndjson");
        Files.deleteIfExists(path);
    }

    static Path pathFor(Path input) {
        return input.resolveSibling(input.getFileName() + ".rejected.ndjson");
    }

    Path path() {
        return path;
    }

    long written() {
        return written;
    }

    void write(RejectedRecord rejection) throws IOException {
        if (out == null) {
            BufferedWriter writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            out = JSON.createGenerator(writer);
            out.setRootValueSeparator(null);
        }
        out.writeStartObject();
        out.writeNumberField("position", rejection.getPosition());
        out.writeStringField("event_id", rejection.getEventId());
        out.writeArrayFieldStart("errors");
        for (FieldError e : rejection.getErrors()) {
            out.writeStartObject();
            out.writeStringField("field", e.getField());
            out.writeStringField("code", e.getCode());
            out.writeStringField("message", e.getMessage());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeStringField("payload", rejection.getPayload());
        out.writeEndObject();
        out.writeRaw('\n');
        written++;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
