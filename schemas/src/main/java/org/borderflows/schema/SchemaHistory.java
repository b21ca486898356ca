package org.borderflows.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;

/**
 * Every released version of every record schema, read from the classpath folder {@code schema-history/<Record>/}
 * (source: {@code schemas/history/}). A reader resolves an incoming message's fingerprint against these versions,
 * so data written by any released producer stays readable.
 */
public final class SchemaHistory {
    private static final Map<String, List<Schema>> CACHE = new ConcurrentHashMap<>();

    private SchemaHistory() {}

    /** Released versions of a record, oldest first (v1, v2, ...). */
    public static List<Schema> versions(String recordName) {
        return CACHE.computeIfAbsent(recordName, SchemaHistory::load);
    }

    /** A store answering fingerprints of the released versions of one record. */
    public static SchemaStore store(String recordName) {
        SchemaStore.Cache cache = new SchemaStore.Cache();
        versions(recordName).forEach(cache::addSchema);
        return cache;
    }

    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    private static List<Schema> load(String recordName) {
        List<Schema> out = new ArrayList<>();
        for (int v = 1; ; v++) {
            String path = "/schema-history/" + recordName + "/v" + v + ".avsc";
            try (InputStream in = SchemaHistory.class.getResourceAsStream(path)) {
                if (in == null) {
                    return List.copyOf(out);
                }
                out.add(new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
    }
}
