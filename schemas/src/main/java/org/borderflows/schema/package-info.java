/**
 * Avro messages of border-flows without a schema registry: {@link org.borderflows.schema.AvroSerde} (Kafka serde in
 * single-object encoding, resolving every released writer schema through {@link org.borderflows.schema.SchemaHistory}),
 * {@link org.borderflows.schema.FlatRecordCodec} (fast writer and reader of flat records, byte-identical to Avro's) and
 * {@link org.borderflows.schema.ReleaseSchemas} (writes new schema versions to {@code schemas/history/}). The record
 * classes themselves are generated from {@code src/main/avro/border-flows.avdl}.
 */
package org.borderflows.schema;
