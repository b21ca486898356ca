package org.borderflows.schema;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/** Builds a random generic datum for any schema, to exercise a writer schema in tests. */
final class RandomDatum {
    private final Random random;

    RandomDatum(long seed) {
        this.random = new Random(seed);
    }

    Object of(Schema schema) {
        return switch (schema.getType()) {
            case RECORD -> {
                GenericData.Record record = new GenericData.Record(schema);
                schema.getFields().forEach(f -> record.put(f.name(), of(f.schema())));
                yield record;
            }
            case ENUM ->
                new GenericData.EnumSymbol(
                        schema,
                        schema.getEnumSymbols()
                                .get(random.nextInt(schema.getEnumSymbols().size())));
            case UNION ->
                of(schema.getTypes().get(random.nextInt(schema.getTypes().size())));
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(3); i > 0; i--) {
                    list.add(of(schema.getElementType()));
                }
                yield new GenericData.Array<>(schema, list);
            }
            case MAP -> {
                Map<String, Object> map = new HashMap<>();
                for (int i = random.nextInt(3); i > 0; i--) {
                    map.put("k" + random.nextInt(100), of(schema.getValueType()));
                }
                yield map;
            }
            case STRING -> "s" + random.nextInt(1_000_000);
            case INT -> random.nextInt(30_000);
            case LONG -> 1_600_000_000_000L + random.nextInt(1_000_000_000);
            case BOOLEAN -> random.nextBoolean();
            case DOUBLE -> random.nextDouble();
            case FLOAT -> random.nextFloat();
            case BYTES -> ByteBuffer.wrap(new byte[] {(byte) random.nextInt()});
            case FIXED -> new GenericData.Fixed(schema, new byte[schema.getFixedSize()]);
            case NULL -> null;
        };
    }
}
