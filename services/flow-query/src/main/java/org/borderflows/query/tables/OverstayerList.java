package org.borderflows.query.tables;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borderflows.domain.AtClock;
import org.borderflows.platform.Csv;
import org.borderflows.query.tables.Datasets.Dimension;
import org.borderflows.query.topology.CellDimension;
import org.borderflows.query.topology.Contributions;
import org.borderflows.schema.SpellState;

/**
 * The border agency's list of suspected in-country overstayers (RULES.md §7, EES Art. 12), made to be acted on: per
 * open stay under the 90/180-day regime whose latest authorised exit the clock is past, the card number of the entry
 * card, the border post and date of entry, the latest authorised exit date, the days over at the clock, citizenship,
 * purpose, sex, age group and the traveller's pseudonym. Never the document number: the engine only ever receives the
 * keyed pseudonym (§2), and the cells hold what the engine's spell carries.
 *
 * <p>Rows are sorted longest overstay first (latest authorised exit ascending), then by pseudonym and spell. Filters:
 * {@code borderPost} (of entry), {@code citizenship}, {@code purpose}, each one value or several separated by commas,
 * validated like the datasets' dimensions; any other parameter is refused.
 */
public final class OverstayerList {
    /** The columns of a row, in order (JSON keys and the CSV header). */
    public static final List<String> COLUMNS = List.of(
            "cardNumber",
            "entryBorderPost",
            "entryDate",
            "latestAuthorisedExit",
            "overstayDays",
            "citizenship",
            "purpose",
            "sex",
            "ageGroup",
            "travellerId",
            "spellId");

    /** The filters and the dimension each one is validated as. */
    private static final Map<String, Dimension> FILTERS = Map.of(
            "borderPost", Datasets.BORDER_POST, "citizenship", Datasets.CITIZENSHIP, "purpose", Datasets.PURPOSE);

    /** Parameters besides the filters: the answer's format (read by the HTTP layer). */
    public static final String FORMAT = "format";

    /** The list at a clock; asOf null while the tables have no clock (then no rows). */
    public record Answer(LocalDate asOf, List<Map<String, Object>> rows) {
        public String toJson() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("asOf", asOf == null ? null : asOf.toString());
            out.put("overstayers", rows);
            return Json.value(out);
        }

        /** RFC 4180 through the project's one CSV writer: header of {@link #COLUMNS}, CRLF-ended lines. */
        public String toCsv() {
            StringBuilder out = new StringBuilder();
            out.append(Csv.record(COLUMNS.toArray())).append("\r\n");
            for (Map<String, Object> row : rows) {
                out.append(Csv.record(COLUMNS.stream().map(row::get).toArray()))
                        .append("\r\n"); // a missing card number: an empty field
            }
            return out.toString();
        }
    }

    private OverstayerList() {}

    /**
     * The filters of a request (parameter name to comma-separated values); a 400 naming the parameter for an unknown
     * parameter or a value its dimension does not accept.
     */
    public static Map<String, Set<String>> filters(Map<String, String> parameters) {
        Map<String, Set<String>> filters = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (p.getKey().equals(FORMAT)) {
                continue;
            }
            Dimension dim = FILTERS.get(p.getKey());
            if (dim == null) {
                throw new BadQueryException(
                        p.getKey(),
                        "unknown parameter '" + p.getKey() + "': the overstayer list takes borderPost, citizenship,"
                                + " purpose and format");
            }
            if (p.getValue() == null || p.getValue().isBlank()) {
                throw new BadQueryException(p.getKey(), p.getKey() + " must not be empty");
            }
            Set<String> values = Query.csv(p.getValue());
            for (String v : values) {
                if (!dim.accepts(v)) {
                    throw new BadQueryException(
                            p.getKey(),
                            "'" + v + "' is not a valid " + p.getKey() + ": " + dim.description() + "; allowed: "
                                    + dim.allowed());
                }
            }
            filters.put(p.getKey(), values);
        }
        return filters;
    }

    /** Call inside {@link Cube#read}: the rows at the cube's clock. */
    static Answer of(Cube cube, Map<String, Set<String>> filters) {
        LocalDate asOf = cube.asOf();
        List<Map<String, Object>> rows = new ArrayList<>();
        if (asOf == null) {
            return new Answer(null, rows);
        }
        for (Cell cell : cube.cells(Datasets.OVERSTAYERS)) {
            if (!matches(cell, filters)) {
                continue;
            }
            LocalDate latest = LocalDate.parse(cell.dim(CellDimension.LATEST_AUTHORISED_EXIT.key()));
            if (!AtClock.suspectedOverstay(SpellState.OPEN, latest, asOf)) {
                continue; // not due yet at the clock (RULES.md §8: derived, never stored)
            }
            Map<String, Object> row = new LinkedHashMap<>();
            String card = cell.dim(CellDimension.CARD_NUMBER.key());
            row.put("cardNumber", card == null || card.equals(Contributions.CLOSED) ? null : card);
            row.put("entryBorderPost", cell.dim(CellDimension.BORDER_POST.key()));
            row.put("entryDate", cell.dim(CellDimension.ENTRY_DATE.key()));
            row.put("latestAuthorisedExit", latest.toString());
            row.put("overstayDays", ChronoUnit.DAYS.between(latest, asOf));
            for (String dim : List.of("citizenship", "purpose", "sex", "ageGroup", "travellerId", "spellId")) {
                row.put(dim, cell.dim(dim));
            }
            rows.add(row);
        }
        rows.sort(Comparator.comparing((Map<String, Object> r) -> (String) r.get("latestAuthorisedExit"))
                .thenComparing(r -> (String) r.get("travellerId"))
                .thenComparing(r -> (String) r.get("spellId")));
        return new Answer(asOf, rows);
    }

    private static boolean matches(Cell cell, Map<String, Set<String>> filters) {
        for (Map.Entry<String, Set<String>> f : filters.entrySet()) {
            if (!f.getValue().contains(cell.dim(f.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
