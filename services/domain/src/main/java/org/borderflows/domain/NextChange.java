package org.borderflows.domain;

import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;
import org.borderflows.schema.SpellState;

/**
 * The earliest clock date at which the outputs change with no new crossing (RULES.md §8: classes, outcomes and
 * overstays are re-evaluated when the clock passes their thresholds): an open spell reaching 90 or 365 days, a
 * provisional 12/16 outcome reaching its final date, an open stay passing its latest authorised exit.
 *
 * <p>Counters that tick every day are not changes in this sense: the elapsed days of an open spell, days used and
 * remaining, the in-country overstay so far, and asOf. Whoever publishes the values refreshes those when it
 * re-publishes for another reason.
 */
final class NextChange {

    private NextChange() {}

    static Optional<LocalDate> of(Analysis a) {
        Stream<LocalDate> spellThresholds = a.matching.spells().stream()
                .map(spell -> DurationClassifier.nextChange(spell, a.clock, a.settings))
                .flatMap(Optional::stream);
        Stream<LocalDate> finalDates = a.outcomes.stream().map(TwelveSixteenRule.Outcome::finalDate);
        Stream<LocalDate> overstays = a.matching.spells().stream()
                .filter(spell -> spell.state() == SpellState.OPEN)
                .map(spell -> a.latestAuthorisedExit.get(spell.start().eventId()))
                .filter(latestExit -> latestExit != null)
                .map(latestExit -> latestExit.plusDays(1));
        return Stream.of(spellThresholds, finalDates, overstays)
                .flatMap(s -> s)
                .filter(date -> date.isAfter(a.clock))
                .min(LocalDate::compareTo);
    }
}
