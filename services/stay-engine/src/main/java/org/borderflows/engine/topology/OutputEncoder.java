package org.borderflows.engine.topology;

import java.time.LocalDate;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.Spell;
import org.borderflows.schema.SpellState;
import org.borderflows.schema.TravellerStatus;

/**
 * Encodes the engine's outputs and fingerprints them for change detection.
 *
 * <p>The fingerprint is a 64-bit hash of the value's fields, computed straight from the record (no encoding, no
 * allocation: it runs for every output of every re-evaluation), leaving out the fields the output key fixes and
 * every field that depends on the clock rather than on the crossings (RULES.md §8): {@code asOf}; an open spell's
 * elapsed days, class, class finality, UN categories, labour flag and overstay; an outcome's {@code provisional};
 * a status's days used and remaining and its overstay. So a value is written again only when its facts change (a
 * crossing, a correction, a late record); the written value carries the clock-dependent fields as at its asOf, and
 * readers derive them at their own clock ({@link org.borderflows.domain.AtClock}).
 * Field hashes are deterministic across JVMs (strings by their characters, enums by ordinal, dates by epoch day),
 * so a restarted engine compares against the fingerprints it stored before.
 *
 * <p>One instance per stream task.
 */
final class OutputEncoder {
    private static final long NULL = 0x9E3779B97F4A7C15L;

    private final AvroSerde<Spell> spellSerde = AvroSerde.of(Spell.class);
    private final AvroSerde<CrossingOutcome> outcomeSerde = AvroSerde.of(CrossingOutcome.class);
    private final AvroSerde<TravellerStatus> statusSerde = AvroSerde.of(TravellerStatus.class);
    private final AvroSerde<QualityEvent> qualitySerde = AvroSerde.of(QualityEvent.class);

    /**
     * Fields left out of every fingerprint of a type: those that move every day ({@code asOf}) and those the
     * output key already fixes (the traveller, the spell's and crossing's ids), which are the longest strings
     * and the same in every value of a key, so hashing them only cost time.
     */
    private static final long SPELL_LEFT_OUT = mask(Spell.SCHEMA$, "asOf", "spellId", "travellerId", "startEventId");

    /** What an open spell's start date, purpose and the clock decide (RULES.md §4, §7). */
    private static final long SPELL_OPEN_AT_CLOCK = mask(
            Spell.SCHEMA$,
            "durationDays",
            "durationClass",
            "classFinal",
            "shortTermMigrant",
            "longTermMigrant",
            "labour",
            "overstayDays",
            "suspectedOverstay");

    private static final long OUTCOME_LEFT_OUT =
            mask(CrossingOutcome.SCHEMA$, "asOf", "eventId", "travellerId", "provisional");
    private static final long STATUS_LEFT_OUT =
            mask(TravellerStatus.SCHEMA$, "asOf", "travellerId", "daysUsed", "daysRemaining", "suspectedOverstay");
    /** In the country, the overstay so far grows with the clock; once out, it is the last stay's, a fact. */
    private static final long STATUS_IN_COUNTRY_AT_CLOCK = mask(TravellerStatus.SCHEMA$, "overstayDays");

    private static final long QUALITY_LEFT_OUT = mask(QualityEvent.SCHEMA$, "asOf", "issue", "eventId", "travellerId");

    long fingerprint(Spell spell) {
        return hash(spell, spell.getState() == SpellState.OPEN ? SPELL_LEFT_OUT | SPELL_OPEN_AT_CLOCK : SPELL_LEFT_OUT);
    }

    long fingerprint(CrossingOutcome outcome) {
        return hash(outcome, OUTCOME_LEFT_OUT);
    }

    long fingerprint(TravellerStatus status) {
        return hash(
                status,
                status.getOpenSpellId() != null ? STATUS_LEFT_OUT | STATUS_IN_COUNTRY_AT_CLOCK : STATUS_LEFT_OUT);
    }

    long fingerprint(QualityEvent event) {
        return hash(event, QUALITY_LEFT_OUT);
    }

    /** Encodes any engine output value (spell, outcome, status, finding). */
    byte[] encode(SpecificRecord value) {
        if (value instanceof Spell spell) {
            return spellSerde.serialize(null, spell);
        }
        if (value instanceof CrossingOutcome outcome) {
            return outcomeSerde.serialize(null, outcome);
        }
        if (value instanceof TravellerStatus status) {
            return statusSerde.serialize(null, status);
        }
        if (value instanceof QualityEvent event) {
            return qualitySerde.serialize(null, event);
        }
        throw new IllegalArgumentException("not an engine output: " + value.getClass());
    }

    private static long hash(SpecificRecordBase record, long skipped) {
        int fields = record.getSchema().getFields().size();
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < fields; i++) {
            if ((skipped & (1L << i)) == 0) {
                h = mix(h ^ (valueHash(record.get(i)) + i));
            }
        }
        return h;
    }

    private static long valueHash(Object v) {
        if (v == null) {
            return NULL;
        }
        if (v instanceof CharSequence s) {
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < s.length(); i++) {
                h = (h ^ s.charAt(i)) * 0x100000001b3L;
            }
            return h;
        }
        if (v instanceof LocalDate d) {
            return d.toEpochDay() * 31 + 7;
        }
        if (v instanceof Enum<?> e) {
            return e.ordinal() * 131L + 11;
        }
        if (v instanceof Boolean b) {
            return b ? 1231 : 1237;
        }
        if (v instanceof Number n) {
            return n.longValue() * 0x9E3779B97F4A7C15L + 3;
        }
        throw new IllegalArgumentException("no fingerprint for " + v.getClass());
    }

    /** The finaliser of SplitMix64: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long mask(Schema schema, String... names) {
        long mask = 0;
        for (String name : names) {
            Schema.Field f = schema.getField(name);
            if (f == null || f.pos() >= Long.SIZE) {
                throw new IllegalStateException(schema.getName() + " has no field " + name + " (or too many fields)");
            }
            mask |= 1L << f.pos();
        }
        return mask;
    }
}
