package org.borderflows.simulator.out;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.borderflows.platform.Csv;
import org.borderflows.simulator.gen.Card;

/**
 * Writes cards as CSV (header of RULES.md §1 names) or NDJSON (one JSON object per line, same names), gzipped
 * when the file name ends in .gz.
 */
public final class CardFile implements CardSink {
    public enum Format {
        CSV,
        NDJSON;

        public static Format of(Path file) {
            String name = file.getFileName()
                    .toString()
                    .toLowerCase(java.util.Locale.ROOT)
                    .replace(".gz", "");
            return name.endsWith(".csv") ? CSV : NDJSON;
        }
    }

    private static final JsonFactory JSON = new JsonFactory();
    private final Format format;
    private final Writer out;
    private long written;

    public CardFile(Path file, Format format) throws IOException {
        this.format = format;
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        OutputStream raw = Files.newOutputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            raw = new GZIPOutputStream(raw, 1 << 16);
        }
        this.out = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16);
        if (format == Format.CSV) {
            out.write(csvHeader());
        }
    }

    @Override
    public void send(Card card) throws IOException {
        out.write(format == Format.CSV ? csvLine(card) : jsonLine(card));
        written++;
    }

    @Override
    public long confirmed() {
        return written;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    public static String csvHeader() {
        return String.join(",", Card.FIELDS) + "\n";
    }

    public static String csvLine(Card card) {
        StringBuilder b = new StringBuilder(200);
        List<String> values = card.values();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(Csv.field(values.get(i)));
        }
        return b.append('\n').toString();
    }

    /** One JSON object with the §1 names; absent fields are left out; intended_stay_days is a number. */
    public static String jsonLine(Card card) {
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            List<String> values = card.values();
            for (int i = 0; i < values.size(); i++) {
                String v = values.get(i);
                if (v == null) {
                    continue;
                }
                String name = Card.FIELDS.get(i);
                if (name.equals("intended_stay_days")) {
                    g.writeNumberField(name, card.intendedStayDays());
                } else {
                    g.writeStringField(name, v);
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w + "\n";
    }
}
