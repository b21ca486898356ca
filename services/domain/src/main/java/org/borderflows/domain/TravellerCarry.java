package org.borderflows.domain;

import java.time.LocalDate;
import org.borderflows.schema.ResidenceStatus;

/**
 * What the rules need to remember about crossings that {@link TravellerTimeline#prune} dropped: the 12/16
 * residence status (RULES.md §5) carried into the first retained crossing and the date that status became final.
 * {@code null} as a carry means "no crossing was ever pruned": start from the citizenship (§3).
 */
public record TravellerCarry(ResidenceStatus status, LocalDate statusFinalDate) {}
