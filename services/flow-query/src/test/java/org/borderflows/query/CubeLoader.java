package org.borderflows.query;

import java.util.HashMap;
import java.util.Map;
import org.borderflows.query.tables.Cube;
import org.borderflows.query.tables.Datasets;
import org.borderflows.query.topology.Cells;
import org.borderflows.query.topology.Contributions;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.Spell;
import org.borderflows.schema.TableCell;

/** Fills a cube the way the aggregator would (contributions summed per cell), without Kafka. */
public final class CubeLoader {
    private static final Contributions CONTRIBUTIONS = Datasets.contributions();

    private final Cube cube;
    private final Map<String, TableCell> totals = new HashMap<>();
    private Long changedAtMillis;

    public CubeLoader(Cube cube) {
        this.cube = cube;
    }

    /** The cells added from now on changed at this instant (as if the aggregator wrote them then). */
    public CubeLoader at(java.time.Instant changedAt) {
        this.changedAtMillis = changedAt.toEpochMilli();
        return this;
    }

    public CubeLoader add(CrossingOutcome o) {
        CONTRIBUTIONS.of(o).forEach(this::add);
        return this;
    }

    /** Takes an outcome back (its engine value retracted): its cells lose one, an emptied cell is deleted. */
    public CubeLoader retract(CrossingOutcome o) {
        for (TableCell cell : CONTRIBUTIONS.of(o)) {
            add(TableCell.newBuilder(cell)
                    .setMeasures(new java.util.TreeMap<>(Map.of(Cells.COUNT, -Cells.count(cell))))
                    .build());
        }
        return this;
    }

    public CubeLoader add(Spell s) {
        CONTRIBUTIONS.of(s).forEach(this::add);
        return this;
    }

    /** An accepted crossing: moves the cube's clock to its date, as the aggregator's intake cells do. */
    public CubeLoader add(Crossing c) {
        CONTRIBUTIONS.of(c).forEach(this::add);
        return this;
    }

    /** A data-quality finding of the engine (duplicate, orphan exit, broken spell, late record). */
    public CubeLoader add(QualityEvent q) {
        CONTRIBUTIONS.of(q).forEach(this::add);
        return this;
    }

    public CubeLoader add(TableCell delta) {
        String key = Cells.key(delta);
        TableCell total = Cells.add(totals.get(key), delta);
        if (total == null) {
            totals.remove(key);
        } else {
            totals.put(key, total);
        }
        if (changedAtMillis == null) {
            cube.apply(key, total);
        } else {
            cube.apply(key, total, changedAtMillis);
        }
        cube.commit();
        return this;
    }
}
