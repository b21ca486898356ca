package org.borderflows.engine;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import org.borderflows.domain.Evaluation;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.Spell;
import org.borderflows.schema.SpellState;
import org.borderflows.schema.TravellerStatus;

/**
 * What the border agency sees of one traveller (RULES.md §3-§5, §7): status, open spell, authorised stay and the
 * crossing history with 12/16 outcomes. History starts at the oldest crossing the engine still keeps (older,
 * final crossings are pruned from state; they remain in the published topics).
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
        List<CrossingView> crossings) {

    @Serdeable
    public record OpenSpell(
            String spellId,
            String kind,
            LocalDate startDate,
            Integer elapsedDays,
            String durationClass,
            boolean classFinal,
            String purpose,
            LocalDate latestAuthorisedExit) {}

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

    static TravellerStatusView of(Evaluation evaluation, LocalDate clock) {
        TravellerStatus s = evaluation.status();
        OpenSpell open = evaluation.spells().stream()
                .filter(sp -> sp.getState() == SpellState.OPEN)
                .reduce((a, b) -> b)
                .map(TravellerStatusView::openSpell)
                .orElse(null);
        List<CrossingView> crossings = evaluation.outcomes().stream()
                .map(TravellerStatusView::crossing)
                .toList();
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
                crossings);
    }

    private static OpenSpell openSpell(Spell sp) {
        return new OpenSpell(
                sp.getSpellId(),
                sp.getKind().name(),
                sp.getStartDate(),
                sp.getDurationDays(),
                sp.getDurationClass().name(),
                sp.getClassFinal(),
                sp.getPurpose().name(),
                sp.getLatestAuthorisedExit());
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
