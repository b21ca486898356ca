package org.borderflows.engine;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import org.borderflows.domain.AtClock;
import org.borderflows.domain.Evaluation;
import org.borderflows.domain.RuleSettings;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.Spell;
import org.borderflows.schema.SpellState;
import org.borderflows.schema.TravellerStatus;

/**
 * What the border agency sees of one traveller (RULES.md §3-§5, §7): status, open spell, authorised stay and the
 * crossing history with 12/16 outcomes. History starts at the oldest crossing the engine still keeps (older,
 * final crossings are pruned from state; they remain in the published topics).
 *
 * <p>{@code status} is the 12/16-month rule's residence status after the latest crossing, a statistical outcome,
 * not a permit: it is provisional until the clock is past {@code statusFinalAfter} (§5), and {@code statusMeaning}
 * says so in words. An open spell's class is provisional until {@code classFinalFrom} (§4).
 *
 * <p>{@code archiveLoadInProgress} names an archive load that holds crossings of this traveller and is still
 * running (RULES.md §8): the history is incomplete until it has caught up, and {@code statusMeaning} says that an
 * open stay or overstay shown may be closed by an archived exit still to come.
 */
@Serdeable
public record TravellerStatusView(
        String travellerId,
        LocalDate asOf,
        String initialStatus,
        String status,
        LocalDate lastCrossingDate,
        String lastDirection,
        OpenSpell openSpell,
        Integer daysUsed,
        Integer daysRemaining,
        LocalDate latestAuthorisedExit,
        Integer overstayDays,
        boolean suspectedOverstay,
        List<CrossingView> crossings,
        boolean statusFinal,
        LocalDate statusFinalAfter,
        String statusMeaning,
        String archiveLoadInProgress) {

    @Serdeable
    public record OpenSpell(
            String spellId,
            String kind,
            LocalDate startDate,
            Integer elapsedDays,
            String durationClass,
            boolean classFinal,
            String purpose,
            LocalDate latestAuthorisedExit,
            LocalDate classFinalFrom) {}

    @Serdeable
    public record CrossingView(
            String eventId,
            LocalDate date,
            String direction,
            String borderPost,
            String statusBefore,
            String statusAfter,
            boolean longTermMigration,
            LocalDate finalDate,
            boolean provisional) {}

    static TravellerStatusView of(Evaluation evaluation, LocalDate clock, RuleSettings rules) {
        return of(evaluation, clock, rules, null);
    }

    /** The view while {@code archiveLoad} (null: none) still loads crossings of the traveller. */
    static TravellerStatusView of(Evaluation evaluation, LocalDate clock, RuleSettings rules, String archiveLoad) {
        TravellerStatus s = evaluation.status();
        OpenSpell open = evaluation.spells().stream()
                .filter(sp -> sp.getState() == SpellState.OPEN)
                .reduce((a, b) -> b)
                .map(sp -> openSpell(sp, rules))
                .orElse(null);
        List<CrossingView> crossings = evaluation.outcomes().stream()
                .map(TravellerStatusView::crossing)
                .toList();
        LocalDate statusFinalAfter =
                crossings.isEmpty() ? null : crossings.get(crossings.size() - 1).finalDate();
        boolean statusFinal = statusFinalAfter != null && !AtClock.provisional(statusFinalAfter, clock);
        return new TravellerStatusView(
                s.getTravellerId(),
                clock,
                s.getInitialStatus().name(),
                s.getStatus().name(),
                s.getLastCrossingDate(),
                s.getLastDirection() == null ? null : s.getLastDirection().name(),
                open,
                s.getDaysUsed(),
                s.getDaysRemaining(),
                s.getLatestAuthorisedExit(),
                s.getOverstayDays(),
                s.getSuspectedOverstay(),
                crossings,
                statusFinal && archiveLoad == null,
                statusFinalAfter,
                archiveLoad == null
                        ? meaning(s.getStatus().name(), statusFinal, statusFinalAfter)
                        : ARCHIVE_IN_PROGRESS.formatted(archiveLoad)
                                + meaning(s.getStatus().name(), false, statusFinalAfter),
                archiveLoad);
    }

    private static final String ARCHIVE_IN_PROGRESS = "incomplete: the archive load '%s' with crossings of this"
            + " traveller is still running (RULES.md §8), and an open stay or overstay shown here may be closed by an"
            + " archived exit still to come; ";

    /** The status in words: what it is, what it is not, and whether it can still change. */
    static String meaning(String status, boolean statusFinal, LocalDate finalAfter) {
        String what = status + " under the 12/16-month rule of migration statistics (RULES.md §5), not a permit";
        return statusFinal || finalAfter == null
                ? what + "; final"
                : what + "; provisional: it assumes the traveller stays as now and is final only if no crossing"
                        + " changes it by " + finalAfter;
    }

    private static OpenSpell openSpell(Spell sp, RuleSettings rules) {
        return new OpenSpell(
                sp.getSpellId(),
                sp.getKind().name(),
                sp.getStartDate(),
                sp.getDurationDays(),
                sp.getDurationClass().name(),
                sp.getClassFinal(),
                sp.getPurpose().name(),
                sp.getLatestAuthorisedExit(),
                sp.getClassFinal() ? null : sp.getStartDate().plusDays(rules.longTermDays()));
    }

    private static CrossingView crossing(CrossingOutcome o) {
        return new CrossingView(
                o.getEventId(),
                o.getCrossingDate(),
                o.getDirection().name(),
                o.getBorderPost(),
                o.getStatusBefore().name(),
                o.getStatusAfter().name(),
                o.getLongTermMigration(),
                o.getFinalDate(),
                o.getProvisional());
    }
}
