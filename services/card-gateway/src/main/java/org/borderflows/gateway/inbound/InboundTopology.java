package org.borderflows.gateway.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.borderflows.intake.CardField;
import org.borderflows.intake.CardIntake;
import org.borderflows.intake.ErrorCode;
import org.borderflows.intake.IntakeResult;
import org.borderflows.intake.PostPermission;
import org.borderflows.intake.RawCard;
import org.borderflows.intake.Submission;
import org.borderflows.platform.Topic;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.CardRecord;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.FieldError;
import org.borderflows.schema.IntakeChannel;
import org.borderflows.schema.RejectedRecord;

/**
 * The Kafka-native intake: agencies' own producers publish {@link CardRecord}s (Avro single-object encoding)
 * to {@link Topic#CARD_RECORDS_INBOUND}; this topology validates and pseudonymises each through the same
 * {@link CardIntake} as the HTTP gateway and the file loader, and writes the {@link Crossing} to
 * {@link Topic#CROSSINGS} (key travellerId) or a {@link RejectedRecord} to {@link Topic#REJECTED_RECORDS}
 * (key event id). The inbound key is ignored.
 *
 * <p>Values are read as raw bytes and decoded here, so a message that is not a CardRecord (garbage, another
 * schema) becomes a rejection with the reason instead of a deserialization error that stops the application.
 * Run with exactly-once v2: a crash never loses or doubles a card. The submitter is the {@code submitter}
 * header when the producer sets one, else {@value #DEFAULT_SUBMITTER}; which posts a producer may report for is
 * a matter of topic ACLs, so every post is allowed here. Position of a rejection = the record's offset.
 */
public final class InboundTopology {
    public static final String DEFAULT_SUBMITTER = "kafka-inbound";
    public static final String SUBMITTER_HEADER = "submitter";

    private InboundTopology() {}

    public static void build(StreamsBuilder builder, CardIntake intake, Clock clock) {
        AvroSerde<Crossing> crossings = AvroSerde.of(Crossing.class);
        AvroSerde<RejectedRecord> rejections = AvroSerde.of(RejectedRecord.class);
        builder.stream(Topic.CARD_RECORDS_INBOUND.topicName(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .process(() -> new ValidateProcessor(intake, clock))
                .to(
                        (key, value, context) -> value instanceof Crossing
                                ? Topic.CROSSINGS.topicName()
                                : Topic.REJECTED_RECORDS.topicName(),
                        Produced.with(Serdes.String(), new RoutedSerializer(crossings, rejections)));
    }

    /** Serializes either output type with its own Avro serde (the topic was chosen from the type). */
    private record RoutedSerializer(AvroSerde<Crossing> crossings, AvroSerde<RejectedRecord> rejections)
            implements org.apache.kafka.common.serialization.Serde<Object>, Serializer<Object> {
        @Override
        public byte[] serialize(String topic, Object value) {
            if (value instanceof Crossing c) {
                return crossings.serialize(topic, c);
            }
            return rejections.serialize(topic, (RejectedRecord) value);
        }

        @Override
        public Serializer<Object> serializer() {
            return this;
        }

        @Override
        public org.apache.kafka.common.serialization.Deserializer<Object> deserializer() {
            throw new UnsupportedOperationException("output only");
        }

        @Override
        public void close() {}

        @Override
        public void configure(java.util.Map<String, ?> configs, boolean isKey) {}
    }

    private static final class ValidateProcessor implements Processor<byte[], byte[], String, Object> {
        private final AvroSerde<CardRecord> cards = AvroSerde.of(CardRecord.class);
        private final CardIntake intake;
        private final Clock clock;
        private ProcessorContext<String, Object> context;

        ValidateProcessor(CardIntake intake, Clock clock) {
            this.intake = intake;
            this.clock = clock;
        }

        @Override
        public void init(ProcessorContext<String, Object> context) {
            this.context = context;
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(-1L);
            Submission submission =
                    new Submission(IntakeChannel.KAFKA, submitter(record), PostPermission.ALL, received(record));
            CardRecord card;
            try {
                card = cards.deserialize(Topic.CARD_RECORDS_INBOUND.topicName(), record.value());
            } catch (RuntimeException e) {
                forward(record, undecodable(record.value(), offset, submission, e));
                return;
            }
            if (card == null) {
                forward(record, undecodable(null, offset, submission, null));
                return;
            }
            IntakeResult result = intake.process(toRaw(card, offset), submission);
            if (result instanceof IntakeResult.Accepted a) {
                forward(record, a.crossing().getTravellerId(), a.crossing());
            } else {
                RejectedRecord r = ((IntakeResult.Rejected) result).rejection();
                forward(record, r.getEventId(), r);
            }
        }

        private void forward(Record<byte[], byte[]> in, RejectedRecord rejection) {
            forward(in, rejection.getEventId(), rejection);
        }

        private void forward(Record<byte[], byte[]> in, String key, Object value) {
            // inbound headers are not copied: they are the agency's and could carry anything
            context.forward(new Record<>(key, value, in.timestamp()));
        }

        /**
         * When the card was received: the broker's arrival stamp of its record (the topic is LogAppendTime, {@link
         * Topic#CARD_RECORDS_INBOUND}), not when this intake got to it; the intake's clock for a record without one, or
         * with one in the future (a producer's own stamp on a topic created without the setting).
         */
        private Instant received(Record<byte[], byte[]> record) {
            long now = clock.millis();
            return Instant.ofEpochMilli(
                    record.timestamp() >= 0 && record.timestamp() <= now ? record.timestamp() : now);
        }

        private static String submitter(Record<byte[], byte[]> record) {
            Header header = record.headers().lastHeader(SUBMITTER_HEADER);
            if (header == null || header.value() == null || header.value().length == 0) {
                return DEFAULT_SUBMITTER;
            }
            String name = new String(header.value(), StandardCharsets.UTF_8);
            return name.length() > 100 ? name.substring(0, 100) : name;
        }

        /** A message that is not a CardRecord: its bytes are not kept (they may hold a document number). */
        private RejectedRecord undecodable(byte[] value, long offset, Submission submission, RuntimeException e) {
            String reason = value == null
                    ? "the message has no value (a tombstone is not a card)"
                    : "the message is not an Avro single-object encoded CardRecord: "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            String payload = value == null ? "" : "<" + value.length + " undecodable bytes, not kept>";
            return new RejectedRecord(
                    IntakeChannel.KAFKA,
                    submission.submitter(),
                    offset,
                    null,
                    payload,
                    List.of(new FieldError(CardField.RECORD, ErrorCode.MALFORMED, reason)),
                    Instant.ofEpochMilli(clock.millis()),
                    null);
        }

        private static RawCard toRaw(CardRecord card, long offset) {
            return new RawCard(offset)
                    .set(CardField.EVENT_ID, card.getEventId())
                    .set(CardField.CARD_NUMBER, card.getCardNumber())
                    .set(CardField.DIRECTION, card.getDirection())
                    .set(CardField.CROSSED_AT, card.getCrossedAt())
                    .set(CardField.BORDER_POST, card.getBorderPost())
                    .set(CardField.DOCUMENT_COUNTRY, card.getDocumentCountry())
                    .set(CardField.DOCUMENT_NUMBER, card.getDocumentNumber())
                    .set(CardField.BIRTH_DATE, card.getBirthDate())
                    .set(CardField.SEX, card.getSex())
                    .set(CardField.CITIZENSHIP, card.getCitizenship())
                    .set(CardField.PURPOSE, card.getPurpose())
                    .set(
                            CardField.INTENDED_STAY_DAYS,
                            card.getIntendedStayDays() == null
                                    ? null
                                    : card.getIntendedStayDays().toString())
                    .set(CardField.TRANSPORT, card.getTransport());
        }
    }
}
