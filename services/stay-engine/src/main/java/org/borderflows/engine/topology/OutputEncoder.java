package org.borderflows.engine.topology;

import java.time.LocalDate;
import org.apache.avro.Schema;
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
 * allocation: it runs for every output of every re-evaluation), leaving out the fields that move every day:
 * {@code asOf} (the clock), an open spell's elapsed {@code durationDays} and {@code overstayDays}, a status's
 * {@code daysUsed}/{@code daysRemaining} and, while suspected, its {@code overstayDays}. So a value is written
 * again only when something a reader acts on changed: a crossing, a class or outcome reaching its review date
 * (RULES.md §4, §5), an overstay starting (§7). The written value itself carries the real, current fields.
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

    private static final int SPELL_AS_OF = position(Spell.SCHEMA$, "asOf");
    private static final int SPELL_DURATION = position(Spell.SCHEMA$, "durationDays");
    private static final int SPELL_OVERSTAY = position(Spell.SCHEMA$, "overstayDays");
    private static final int OUTCOME_AS_OF = position(CrossingOutcome.SCHEMA$, "asOf");
    private static final int STATUS_AS_OF = position(TravellerStatus.SCHEMA$, "asOf");
    private static final int STATUS_USED = position(TravellerStatus.SCHEMA$, "daysUsed");
    private static final int STATUS_REMAINING = position(TravellerStatus.SCHEMA$, "daysRemaining");
    private static final int STATUS_OVERSTAY = position(TravellerStatus.SCHEMA$, "overstayDays");
    private static final int QUALITY_AS_OF = position(QualityEvent.SCHEMA$, "asOf");

    long fingerprint(Spell spell) {
        boolean open = spell.getState() == SpellState.OPEN;
        return hash(spell, SPELL_AS_OF, open ? SPELL_DURATION : -1, open ? SPELL_OVERSTAY : -1, -1);
    }

    long fingerprint(CrossingOutcome outcome) {
        return hash(outcome, OUTCOME_AS_OF, -1, -1, -1);
    }

    long fingerprint(TravellerStatus status) {
        return hash(
                status,
                STATUS_AS_OF,
                STATUS_USED,
                STATUS_REMAINING,
                status.getSuspectedOverstay() ? STATUS_OVERSTAY : -1);
    }

    long fingerprint(QualityEvent event) {
        return hash(event, QUALITY_AS_OF, -1, -1, -1);
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

    private static long hash(SpecificRecordBase record, int skip1, int skip2, int skip3, int skip4) {
        int fields = record.getSchema().getFields().size();
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < fields; i++) {
            if (i == skip1 || i == skip2 || i == skip3 || i == skip4) {
                continue;
            }
            h = mix(h ^ (valueHash(record.get(i)) + i));
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

    private static int position(Schema schema, String field) {
        Schema.Field f = schema.getField(field);
        if (f == null) {
            throw new IllegalStateException(schema.getName() + " has no field " + field);
        }
        return f.pos();
    }
}
