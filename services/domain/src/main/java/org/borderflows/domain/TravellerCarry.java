package org.borderflows.domain;

import java.time.LocalDate;
import java.util.List;
import org.borderflows.schema.ResidenceStatus;

/**
 * What the rules need to remember about crossings that {@link TravellerTimeline#prune} dropped.
 *
 * <p>{@code null} as a carry means "no crossing was ever pruned": start from the citizenship (RULES.md §3).
 *
 * @param status the 12/16 residence status (RULES.md §5) carried into the first retained crossing
 * @param statusFinalDate the date that status became (or becomes) final
 * @param presence days present in the country, from pruned stays under the visa-free regime, that may still fall
 *     inside a 180-day window of a retained or future crossing (RULES.md §7); sorted, non-overlapping
 */
public record TravellerCarry(ResidenceStatus status, LocalDate statusFinalDate, List<Presence> presence) {

    public TravellerCarry {
        presence = presence == null ? List.of() : List.copyOf(presence);
    }

    /** A carry with no 90/180 presence to remember. */
    public TravellerCarry(ResidenceStatus status, LocalDate statusFinalDate) {
        this(status, statusFinalDate, List.of());
    }

    /** Days {@code from}..{@code to}, both included, present in the country. */
    public record Presence(LocalDate from, LocalDate to) {}
}
