package org.borderflows.query.tables;

import java.util.Map;
import java.util.TreeMap;

/** One cell of the cube: month (see {@link Cube#monthIndex}), dimension values, count. */
public final class Cell {
    private final CellSchema schema;
    private final long packed;
    private final long projection;
    private final int month;
    private final Map<String, String> dims;
    private final double count;

    Cell(CellSchema schema, long packed, long projection, double count) {
        this.schema = schema;
        this.packed = packed;
        this.projection = projection;
        this.month = CellSchema.month(packed);
        this.dims = null;
        this.count = count;
    }

    Cell(int month, Map<String, String> dims, double count) {
        this.schema = null;
        this.packed = 0;
        this.projection = -1L;
        this.month = month;
        this.dims = dims;
        this.count = count;
    }

    public int month() {
        return month;
    }

    public double count() {
        return count;
    }

    /**
     * The value of a dimension (null if the dataset has no such dimension). A cell of a rollup ({@link
     * Cube#cells(String, java.util.Collection)}) only knows the dimensions it was asked for: asking for another one is a
     * programming error and throws.
     */
    public String dim(String name) {
        if (schema == null) {
            return dims.get(name);
        }
        int i = schema.index(name);
        if (i < 0) {
            return null;
        }
        if (((projection >>> schema.offsets[i]) & schema.masks[i]) != schema.masks[i]) {
            throw new IllegalStateException("dimension " + name + " is not in this rollup");
        }
        return schema.dicts[i].value((int) ((packed >>> schema.offsets[i]) & schema.masks[i]));
    }

    public Map<String, String> dims() {
        if (schema == null) {
            return dims;
        }
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < schema.names.length; i++) {
            if (((projection >>> schema.offsets[i]) & schema.masks[i]) == schema.masks[i]) {
                out.put(schema.names[i], schema.decode(packed, schema.names[i]));
            }
        }
        return out;
    }
}
