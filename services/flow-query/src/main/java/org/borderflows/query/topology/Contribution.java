package org.borderflows.query.topology;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.RejectedRecord;
import org.borderflows.schema.Spell;

/**
 * How the engine's values contribute to one dataset's cells (RULES.md §9): part of the dataset's definition
 * ({@code tables.Datasets}). A dataset overrides the values it counts and adds their cells to a {@link Sink}, which
 * stamps them with the dataset's name.
 *
 * <p>Pure functions of the value: the correction processor calls them for the old and the new value of a key and
 * sends the difference, so a correction moves a count from one cell to another. Cells hold facts and dates only,
 * never what depends on the clock (RULES.md §8): an outcome's cell carries its final date, an open spell's its start
 * day, an open stay's overstay cell the day it would begin; the query side derives the rest at its clock.
 */
public interface Contribution {
    /** Where a contribution adds its cells: reference date (its month), dimensions, count and the value's clock. */
    @FunctionalInterface
    interface Sink {
        void add(LocalDate month, Map<String, String> dimensions, double count, LocalDate asOf);
    }

    /** The contribution of a dataset that reads another's cells (the 12/16 revisions): none. */
    Contribution NONE = new Contribution() {};

    /** A crossing's 12/16 outcome (RULES.md §5), one per accepted crossing. */
    default void outcome(CrossingOutcome o, Sink cells) {}

    /** A stay or absence (RULES.md §3, §4). */
    default void spell(Spell s, Sink cells) {}

    /** A data-quality finding of the engine (RULES.md §3). */
    default void finding(QualityEvent q, Sink cells) {}

    /** A record the intake rejected (RULES.md §1), dated in the reporting country's {@code zone}. */
    default void rejected(RejectedRecord r, ZoneId zone, Sink cells) {}

    /** An accepted crossing as received, duplicates included. */
    default void received(Crossing c, Sink cells) {}
}
