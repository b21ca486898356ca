package org.borderflows.query.tables;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.borderflows.query.tables.Datasets.Measure;
import org.borderflows.query.topology.BorderWorkersContribution;
import org.borderflows.query.topology.CellDimension;

/**
 * The measures of the {@code border-workers} dataset (docs/rules.md §4a): frontier workers, each counted once in
 * every month in which one of their border-worker spells ended (at the border post where the first of them ended),
 * and the crossings of those spells. A row accumulates a {@code double[2]} (workers, crossings) that quarters and
 * years add like any count: over several months the workers figure is worker-months.
 */
final class BorderWorkers {
    static final String WORKERS = "workers";
    static final String CROSSINGS = "crossings";

    /** The cell values of {@link CellDimension#COUNTED}, in the order of the accumulated counts. */
    static final CountsByValue COUNTED = new CountsByValue(
            Datasets.BORDER_WORKERS, List.of(BorderWorkersContribution.WORKER, BorderWorkersContribution.CROSSING));

    static final List<Measure> MEASURES = List.of(
            new Measure(
                    WORKERS,
                    "Frontier workers: persons who ended at least 4 commuting spells (WORK, at most 7 days) in the"
                            + " 30 days up to the end of a spell in the month, each once per month (summed over"
                            + " months: worker-months)"),
            new Measure(CROSSINGS, "Crossings (entries and exits) of the spells that ended while a frontier worker"));

    private BorderWorkers() {}

    /** Puts the row's measures, each through {@code figure} (measure name, exact count: the published figure). */
    static void put(Map<String, Object> row, double[] counts, BiFunction<String, Long, Long> figure) {
        row.put(WORKERS, figure.apply(WORKERS, Math.round(counts[0])));
        row.put(CROSSINGS, figure.apply(CROSSINGS, Math.round(counts[1])));
    }
}
