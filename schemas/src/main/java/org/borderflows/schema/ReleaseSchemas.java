package org.borderflows.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Protocol;
import org.apache.avro.Schema;

/**
 * Releases the current schemas: for every record whose current schema is not yet the newest released version,
 * writes it to {@code schemas/history/<Record>/v<N+1>.avsc}. Run before a release:
 * {@code mvn -q -pl schemas compile exec:java -Dexec.mainClass=org.borderflows.schema.ReleaseSchemas}.
 */
public final class ReleaseSchemas {
    private ReleaseSchemas() {}

    public static void main(String[] args) throws IOException {
        Path history = Path.of(args.length > 0 ? args[0] : "history");
        for (Schema schema : recordSchemas()) {
            List<Schema> released = SchemaHistory.versions(schema.getName());
            boolean current = !released.isEmpty()
                    && SchemaHistory.fingerprint(released.get(released.size() - 1))
                            == SchemaHistory.fingerprint(schema);
            if (current) {
                continue;
            }
            Path file = history.resolve(schema.getName()).resolve("v" + (released.size() + 1) + ".avsc");
            Files.createDirectories(file.getParent());
            Files.writeString(file, schema.toString(true) + "\n");
            System.out.println("released " + file);
        }
    }

    /** The named records of the protocol (enums and nested records travel only inside them). */
    public static List<Schema> recordSchemas() {
        return BorderFlows.PROTOCOL.getTypes().stream()
                .filter(s -> s.getType() == Schema.Type.RECORD)
                .filter(s -> TOP_LEVEL.contains(s.getName()))
                .toList();
    }

    /** Records that are Kafka message values (the others are nested inside them). */
    public static final List<String> TOP_LEVEL = List.of(
            "CardRecord",
            "Crossing",
            "RejectedRecord",
            "Spell",
            "CrossingOutcome",
            "TravellerStatus",
            "QualityEvent",
            "TableCell",
            "EstimateVintage");

    static Protocol protocol() {
        return BorderFlows.PROTOCOL;
    }
}
