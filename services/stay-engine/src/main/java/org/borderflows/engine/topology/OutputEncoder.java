package org.borderflows.engine.topology;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.Spell;
import org.borderflows.schema.SpellState;
import org.borderflows.schema.TravellerStatus;

/**
 * Encodes the engine's outputs and fingerprints them for change detection.
 *
 * <p>The fingerprint is a 64-bit FNV-1a hash of the value's Avro binary body with the fields that move every day
 * blanked out: {@code asOf} (the clock), an open spell's elapsed {@code durationDays} and {@code overstayDays}, a
 * status's {@code daysUsed}/{@code daysRemaining} and, while suspected, its {@code overstayDays}. So a value is written again only when something a reader acts on
 * changed: a crossing, a class or outcome reaching its review date (RULES.md §4, §5), an overstay (§7). The
 * written value itself carries the real, current fields.
 *
 * <p>One instance per stream task (not thread-safe: it reuses its buffer).
 */
final class OutputEncoder {
    private static final LocalDate BLANK_DATE = LocalDate.EPOCH;

    private final AvroSerde<Spell> spellSerde = AvroSerde.of(Spell.class);
    private final AvroSerde<CrossingOutcome> outcomeSerde = AvroSerde.of(CrossingOutcome.class);
    private final AvroSerde<TravellerStatus> statusSerde = AvroSerde.of(TravellerStatus.class);
    private final AvroSerde<QualityEvent> qualitySerde = AvroSerde.of(QualityEvent.class);
    private final SpecificDatumWriter<Spell> spellWriter = new SpecificDatumWriter<>(Spell.class);
    private final SpecificDatumWriter<CrossingOutcome> outcomeWriter = new SpecificDatumWriter<>(CrossingOutcome.class);
    private final SpecificDatumWriter<TravellerStatus> statusWriter = new SpecificDatumWriter<>(TravellerStatus.class);
    private final SpecificDatumWriter<QualityEvent> qualityWriter = new SpecificDatumWriter<>(QualityEvent.class);
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
    private BinaryEncoder encoder;

    long fingerprint(Spell spell) {
        LocalDate asOf = spell.getAsOf();
        Integer duration = spell.getDurationDays();
        Integer overstay = spell.getOverstayDays();
        boolean open = spell.getState() == SpellState.OPEN;
        spell.setAsOf(BLANK_DATE);
        if (open) {
            spell.setDurationDays(null);
            spell.setOverstayDays(null); // grows by a day each day while suspected
        }
        try {
            return hash(spellWriter, spell);
        } finally {
            spell.setAsOf(asOf);
            spell.setDurationDays(duration);
            spell.setOverstayDays(overstay);
        }
    }

    long fingerprint(CrossingOutcome outcome) {
        LocalDate asOf = outcome.getAsOf();
        outcome.setAsOf(BLANK_DATE);
        try {
            return hash(outcomeWriter, outcome);
        } finally {
            outcome.setAsOf(asOf);
        }
    }

    long fingerprint(TravellerStatus status) {
        LocalDate asOf = status.getAsOf();
        Integer used = status.getDaysUsed();
        Integer remaining = status.getDaysRemaining();
        Integer overstay = status.getOverstayDays();
        status.setAsOf(BLANK_DATE);
        status.setDaysUsed(null);
        status.setDaysRemaining(null);
        if (status.getSuspectedOverstay()) {
            status.setOverstayDays(null); // an in-country overstay grows by a day each day
        }
        try {
            return hash(statusWriter, status);
        } finally {
            status.setAsOf(asOf);
            status.setDaysUsed(used);
            status.setDaysRemaining(remaining);
            status.setOverstayDays(overstay);
        }
    }

    long fingerprint(QualityEvent event) {
        LocalDate asOf = event.getAsOf();
        event.setAsOf(BLANK_DATE);
        try {
            return hash(qualityWriter, event);
        } finally {
            event.setAsOf(asOf);
        }
    }

    byte[] encode(Spell spell) {
        return spellSerde.serialize(null, spell);
    }

    byte[] encode(CrossingOutcome outcome) {
        return outcomeSerde.serialize(null, outcome);
    }

    byte[] encode(TravellerStatus status) {
        return statusSerde.serialize(null, status);
    }

    byte[] encode(QualityEvent event) {
        return qualitySerde.serialize(null, event);
    }

    private <T> long hash(SpecificDatumWriter<T> writer, T value) {
        buffer.reset();
        encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
        try {
            writer.write(value, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fnv1a64(buffer.toByteArray());
    }

    static long fnv1a64(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
