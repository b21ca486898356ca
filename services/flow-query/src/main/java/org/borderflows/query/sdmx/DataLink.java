package org.borderflows.query.sdmx;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.borderflows.query.sdmx.Structure.Component;
import org.borderflows.query.tables.Frequency;
import org.borderflows.query.tables.Query;
import org.borderflows.query.tables.Reading;
import org.borderflows.query.tables.YearEnded;
import org.borderflows.query.topology.CellDimension;

/**
 * The SDMX REST data query asking the same question as a query API table question: the inverse of {@link
 * DataRequest#tableParameters}, so that a download link (the dashboard's) gives the same figures over SDMX.
 *
 * <p>Key, per DSD dimension: FREQ and TRANSFORMATION from the frequency; a filtered dimension its codes ({@code
 * A+B}); a dimension the rows are grouped by and not filtered every code (empty position); any other the total
 * ({@code _T}). Year-ended 12/16 rows grouped by direction with both directions also ask for {@code NET}, as the
 * table has those rows. SDMX observations are always by period (TIME_PERIOD), so a table without {@code month} in
 * {@code by} matches the SDMX series summed over its periods; a dimension filtered to several values but not
 * grouped by is a series per value there (SDMX has no "sum of these codes").
 */
public final class DataLink {
    private DataLink() {}

    /** The key, e.g. {@code M.YE._T.ENTRY+EXIT+NET._T._T._T._T._T}. */
    public static String key(Structure structure, Query query) {
        List<String> positions = new ArrayList<>();
        for (Component dim : structure.dimensions()) {
            if (dim.id().equals(Structure.FREQ)) {
                positions.add(freq(query.frequency()));
            } else if (dim.id().equals(Structure.TRANSFORMATION)) {
                positions.add(query.yearEnded() ? Codes.YEAR_ENDED : Codes.NOT_TRANSFORMED);
            } else {
                positions.add(position(query, dim.source()));
            }
        }
        return String.join(".", positions);
    }

    /**
     * The path and query of the data resource under the SDMX REST 2.1 root (without a format: the client chooses
     * it by {@code Accept} or {@code format}), e.g. {@code data/BORDER_FLOWS,CROSSINGS,1.0/M.N..?startPeriod=2025-01}.
     */
    public static String path(Structure structure, Query query) {
        StringBuilder out = new StringBuilder("data/")
                .append(structure.agency())
                .append(',')
                .append(structure.flowId())
                .append(',')
                .append(Structure.VERSION)
                .append('/')
                .append(key(structure, query));
        String separator = "?";
        if (query.from() != null) {
            out.append(separator).append("startPeriod=").append(query.from());
            separator = "&";
        }
        if (query.to() != null) {
            out.append(separator).append("endPeriod=").append(query.to());
        }
        return out.toString();
    }

    private static String freq(Frequency frequency) {
        return switch (frequency) {
            case MONTH, YEAR_ENDED -> Codes.MONTHLY;
            case QUARTER -> Codes.QUARTERLY;
            case YEAR -> Codes.ANNUAL;
        };
    }

    private static String position(Query query, String dimension) {
        Set<String> values = query.filters().get(dimension);
        boolean grouped = query.by().contains(dimension);
        if (values == null) {
            return grouped ? "" : Codes.TOTAL;
        }
        List<String> codes = new ArrayList<>(values.stream().map(Codes::id).toList());
        if (grouped
                && dimension.equals(CellDimension.DIRECTION.key())
                && query.yearEnded()
                && query.dataset().reading() == Reading.MIGRATION
                && values.containsAll(List.of("ENTRY", "EXIT"))) {
            codes.add(YearEnded.NET);
        }
        return String.join("+", codes);
    }
}
