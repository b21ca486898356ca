package org.borderflows.simulator.out;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.Topic;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.CardRecord;
import org.borderflows.simulator.gen.Card;

/**
 * Publishes cards as {@code CardRecord} (Avro single-object encoding) to {@link Topic#CARD_RECORDS_INBOUND}
 * with a durable producer (acks=all, idempotent), as an agency's own producer would. The key is a hash of the
 * document identity, so one traveller's cards stay in order on one partition and the key holds no document
 * number.
 */
public final class KafkaSink implements CardSink {
    private final KafkaProducer<String, CardRecord> producer;
    private final String topic;
    private final AtomicLong acked = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public KafkaSink(KafkaSettings settings, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(
                settings.durableProducer("border-simulator"), new StringSerializer(), AvroSerde.of(CardRecord.class));
    }

    public KafkaSink(KafkaSettings settings) {
        this(settings, Topic.CARD_RECORDS_INBOUND.topicName());
    }

    public static CardRecord toRecord(Card c) {
        return CardRecord.newBuilder()
                .setEventId(c.eventId())
                .setCardNumber(c.cardNumber())
                .setDirection(c.direction())
                .setCrossedAt(c.crossedAt())
                .setBorderPost(c.borderPost())
                .setDocumentCountry(c.documentCountry())
                .setDocumentNumber(c.documentNumber())
                .setBirthDate(c.birthDate())
                .setSex(c.sex())
                .setCitizenship(c.citizenship())
                .setPurpose(c.purpose())
                .setIntendedStayDays(c.intendedStayDays())
                .setTransport(c.transport())
                .build();
    }

    /** First 16 bytes of SHA-256 of the normalised identity: stable per traveller, reveals no number. */
    public static String key(Card c) {
        String number = c.documentNumber() == null
                ? ""
                : c.documentNumber().replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        String identity = c.documentCountry() + "|" + number + "|" + c.birthDate();
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void send(Card card) throws Exception {
        Exception f = failure.get();
        if (f != null) {
            throw f;
        }
        producer.send(new ProducerRecord<>(topic, key(card), toRecord(card)), (meta, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            } else {
                acked.incrementAndGet();
            }
        });
    }

    @Override
    public long confirmed() {
        return acked.get();
    }

    @Override
    public void close() throws Exception {
        producer.flush();
        producer.close();
        Exception f = failure.get();
        if (f != null) {
            throw f;
        }
    }
}
