package org.borderflows.simulator.truth;

import java.util.EnumMap;
import java.util.Map;

/** One unit of an expected dataset value: a dataset, a measure, the cell's dimension values and an amount. */
public record Fact(String dataset, String measure, EnumMap<Dim, String> dims, double value) {
    public static Fact of(String dataset, String measure, Map<Dim, String> dims) {
        return new Fact(dataset, measure, new EnumMap<>(dims), 1);
    }
}
