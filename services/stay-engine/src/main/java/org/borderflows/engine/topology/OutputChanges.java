package org.borderflows.engine.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.borderflows.domain.Evaluation;
import org.borderflows.platform.Topic;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.QualityIssue;
import org.borderflows.schema.Spell;
import org.borderflows.schema.TravellerStatus;

/**
 * Writes what an evaluation changed (RULES.md §8: a value is written when its facts change). Every value has a tag
 * in the traveller's state with the fingerprint last written ({@link OutputEncoder#fingerprint}): {@code S|} start
 * event id for a spell, {@code O|} event id for an outcome, {@code Q<issue>|} event id for a finding, {@code T|} for
 * the status. A value whose fingerprint changed is written; a tag the evaluation no longer produces (an orphan exit
 * explained by a late entry, a spell cut differently) is retracted with a tombstone, so compacted readers never
 * double count.
 *
 * <p>Output keys: spells {@code travellerId:startEventId}, outcomes the event id, findings {@code ISSUE:eventId},
 * status the traveller id.
 */
final class OutputChanges {
    private static final String SPELL = "S|";
    private static final String OUTCOME = "O|";
    private static final String STATUS = "T|";

    private final OutputEncoder encoder;
    private final OutputBuffer out;

    OutputChanges(OutputEncoder encoder, OutputBuffer out) {
        this.encoder = encoder;
        this.out = out;
    }

    /** Writes the changed values and tombstones; returns the fingerprints to keep, by tag. */
    Map<String, Long> write(String travellerId, Map<String, Long> before, Evaluation evaluation, long timestamp) {
        Map<String, Long> after = new LinkedHashMap<>(Math.max(16, before.size() * 2));
        for (Spell spell : evaluation.spells()) {
            if (changed(before, after, SPELL + spell.getStartEventId(), encoder.fingerprint(spell))) {
                out.write(Topic.SPELLS, spell.getSpellId(), spell, timestamp);
            }
        }
        for (CrossingOutcome outcome : evaluation.outcomes()) {
            if (changed(before, after, OUTCOME + outcome.getEventId(), encoder.fingerprint(outcome))) {
                out.write(Topic.CROSSING_OUTCOMES, outcome.getEventId(), outcome, timestamp);
            }
        }
        for (QualityEvent finding : evaluation.findings()) {
            String tag = "Q" + finding.getIssue().name() + "|" + finding.getEventId();
            if (changed(before, after, tag, encoder.fingerprint(finding))) {
                out.write(
                        Topic.QUALITY_EVENTS, findingKey(finding.getIssue(), finding.getEventId()), finding, timestamp);
            }
        }
        TravellerStatus status = evaluation.status();
        if (status != null && changed(before, after, STATUS, encoder.fingerprint(status))) {
            out.write(Topic.TRAVELLER_STATUS, travellerId, status, timestamp);
        }
        for (String tag : before.keySet()) {
            if (!after.containsKey(tag)) {
                retract(travellerId, tag, timestamp);
            }
        }
        return after;
    }

    /**
     * A finding no evaluation produces, so never retracted: LATE (RULES.md §9, the crossing was not applied) and
     * REVISED_AFTER_FINAL (§5, found by comparing two evaluations).
     */
    void writeFinding(QualityEvent finding, long timestamp) {
        out.write(Topic.QUALITY_EVENTS, findingKey(finding.getIssue(), finding.getEventId()), finding, timestamp);
    }

    /**
     * Forgets the tags of pruned crossings: their published values stay as they are (final), neither rewritten nor
     * retracted later. The status is kept.
     */
    static void keepOnly(Map<String, Long> fingerprints, Set<String> keptEventIds) {
        fingerprints.keySet().removeIf(tag -> !tag.equals(STATUS) && !keptEventIds.contains(eventIdOf(tag)));
    }

    /** Records the new fingerprint; true when the tag's value differs from the one last written. */
    private static boolean changed(Map<String, Long> before, Map<String, Long> after, String tag, long fingerprint) {
        Long previous = before.get(tag);
        return after.put(tag, fingerprint) == null && (previous == null || previous != fingerprint);
    }

    private void retract(String travellerId, String tag, long timestamp) {
        String eventId = eventIdOf(tag);
        if (tag.startsWith(SPELL)) {
            out.write(Topic.SPELLS, Evaluation.spellId(travellerId, eventId), null, timestamp);
        } else if (tag.startsWith(OUTCOME)) {
            out.write(Topic.CROSSING_OUTCOMES, eventId, null, timestamp);
        } else if (tag.equals(STATUS)) {
            out.write(Topic.TRAVELLER_STATUS, travellerId, null, timestamp);
        } else {
            out.write(Topic.QUALITY_EVENTS, findingKey(tag.substring(1, tag.indexOf('|')), eventId), null, timestamp);
        }
    }

    private static String findingKey(QualityIssue issue, String eventId) {
        return findingKey(issue.name(), eventId);
    }

    private static String findingKey(String issue, String eventId) {
        return issue + ":" + eventId;
    }

    private static String eventIdOf(String tag) {
        return tag.substring(tag.indexOf('|') + 1);
    }
}
