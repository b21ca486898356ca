package org.borderflows.query;

import java.util.HashMap;
import java.util.Map;
import org.borderflows.query.tables.Cube;
import org.borderflows.query.topology.Cells;
import org.borderflows.query.topology.Contributions;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.Spell;
import org.borderflows.schema.TableCell;

/** Fills a cube the way the aggregator would (contributions summed per cell), without Kafka. */
public final class CubeLoader {
    private final Cube cube;
    private final Map<String, TableCell> totals = new HashMap<>();

    public CubeLoader(Cube cube) {
        this.cube = cube;
    }

    public CubeLoader add(CrossingOutcome o) {
        Contributions.of(o).forEach(this::add);
        return this;
    }

    public CubeLoader add(Spell s) {
        Contributions.of(s).forEach(this::add);
        return this;
    }

    /** An accepted crossing: moves the cube's clock to its date, as the aggregator's intake cells do. */
    public CubeLoader add(Crossing c) {
        Contributions.of(c).forEach(this::add);
        return this;
    }

    public CubeLoader add(TableCell delta) {
        String key = Cells.key(delta);
        TableCell total = Cells.add(totals.get(key), delta);
        totals.put(key, total);
        cube.apply(key, total);
        cube.commit();
        return this;
    }
}
