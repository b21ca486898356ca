package org.borderflows.query.tables;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.borderflows.platform.Csv;

/**
 * A query's answer: the shape documented in the module README. Rows map the {@code by} dimensions to their
 * values (with {@code labels}, each followed by {@code <dimension>Label}, its name), the measures to numbers (Long for
 * counts, Double for estimates; null when suppressed, §10) and {@link #STATUS} to the status of the figures.
 */
public record Table(
        String dataset,
        LocalDate asOf,
        boolean isProtected,
        YearMonth from,
        YearMonth to,
        List<String> by,
        List<String> measures,
        boolean labels,
        List<Map<String, Object>> rows) {
    /**
     * The row's status (RULES.md §9), that of its main figure (count, or the 12/16 estimate): {@link #FINAL}, {@link
     * #PROVISIONAL} (the months it sums include the clock's month, which is not over), {@link #ESTIMATE} (a 12/16
     * estimate holding provisional outcomes) or {@link #SUPPRESSED} (§10, the figure is null).
     */
    public static final String STATUS = "status";

    public static final String FINAL = "final";
    public static final String PROVISIONAL = "provisional";
    public static final String ESTIMATE = "estimate";
    public static final String SUPPRESSED = "suppressed";

    /** Suffix of the column holding a dimension value's name ({@code labels=both}). */
    public static final String LABEL = "Label";

    /** A table without labels. */
    public Table(
            String dataset,
            LocalDate asOf,
            boolean isProtected,
            YearMonth from,
            YearMonth to,
            List<String> by,
            List<String> measures,
            List<Map<String, Object>> rows) {
        this(dataset, asOf, isProtected, from, to, by, measures, false, rows);
    }

    /** The CSV columns: the by dimensions (each followed by its label column with labels), measures, status. */
    public List<String> columns() {
        List<String> columns = new java.util.ArrayList<>();
        for (String dim : by) {
            columns.add(dim);
            if (labels) {
                columns.add(dim + LABEL);
            }
        }
        columns.addAll(measures);
        columns.add(STATUS);
        return columns;
    }

    public String toJson() {
        StringBuilder out = new StringBuilder(256 + rows.size() * 64);
        out.append("{\"dataset\":").append(Json.string(dataset));
        out.append(",\"asOf\":").append(asOf == null ? "null" : Json.string(asOf.toString()));
        out.append(",\"protected\":").append(isProtected);
        out.append(",\"from\":").append(from == null ? "null" : Json.string(from.toString()));
        out.append(",\"to\":").append(to == null ? "null" : Json.string(to.toString()));
        out.append(",\"by\":[");
        for (int i = 0; i < by.size(); i++) {
            out.append(i == 0 ? "" : ",").append(Json.string(by.get(i)));
        }
        out.append("],\"rows\":[");
        for (int r = 0; r < rows.size(); r++) {
            out.append(r == 0 ? "{" : ",{");
            boolean first = true;
            for (Map.Entry<String, Object> e : rows.get(r).entrySet()) {
                out.append(first ? "" : ",")
                        .append(Json.string(e.getKey()))
                        .append(':')
                        .append(Json.value(e.getValue()));
                first = false;
            }
            out.append('}');
        }
        return out.append("]}").toString();
    }

    /**
     * CSV (RFC 4180, quoted by {@link Csv}): header of {@link #columns()}, one CRLF-ended line per row; a suppressed
     * count is an empty field.
     */
    public String toCsv() {
        StringBuilder out = new StringBuilder();
        List<String> columns = columns();
        out.append(Csv.record(columns.toArray())).append("\r\n");
        for (Map<String, Object> row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                Object v = row.get(columns.get(i));
                out.append(i == 0 ? "" : ",").append(v == null ? "" : Csv.field(Json.plain(v)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
