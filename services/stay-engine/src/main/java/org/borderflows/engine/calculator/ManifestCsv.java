package org.borderflows.engine.calculator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.borderflows.engine.calculator.CalculatorRequests.Identity;

/**
 * A manifest as CSV (RFC 4180, UTF-8): a header line naming the columns {@code document_country},
 * {@code document_number}, {@code birth_date} and optionally {@code reference} (any order, other columns ignored),
 * then one traveller a line. A traveller's reference is its {@code reference} cell, else its line number (the
 * header is line 1). Blank lines are skipped.
 */
final class ManifestCsv {
    static final String REFERENCE = "reference";
    static final String COUNTRY = "document_country";
    static final String NUMBER = "document_number";
    static final String BIRTH_DATE = "birth_date";

    private ManifestCsv() {}

    static List<Identity> read(String csv, CalculatorRequests requests) {
        String text = csv == null ? "" : csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new BadInput(
                    "header",
                    "missing: the first line names the columns " + COUNTRY + "," + NUMBER + "," + BIRTH_DATE
                            + " (and optionally " + REFERENCE + ")");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = cells(lines[0], 1);
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        for (String required : List.of(COUNTRY, NUMBER, BIRTH_DATE)) {
            if (!columns.containsKey(required)) {
                throw new BadInput("header", "no column " + required);
            }
        }
        long count = 0;
        for (int n = 1; n < lines.length; n++) {
            count += lines[n].isBlank() ? 0 : 1;
        }
        if (count == 0) {
            throw new BadInput("travellers", "missing: at least one traveller line after the header");
        }
        requests.checkCount("travellers", (int) Math.min(Integer.MAX_VALUE, count));
        List<Identity> out = new ArrayList<>();
        for (int n = 1; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            int line = n + 1;
            List<String> cells = cells(lines[n], line);
            String reference = cell(cells, columns.get(REFERENCE));
            out.add(requests.identity(
                    reference == null || reference.isBlank() ? String.valueOf(line) : reference.trim(),
                    field(REFERENCE, line),
                    field(COUNTRY, line),
                    cell(cells, columns.get(COUNTRY)),
                    field(NUMBER, line),
                    cell(cells, columns.get(NUMBER)),
                    field(BIRTH_DATE, line),
                    cell(cells, columns.get(BIRTH_DATE))));
        }
        return out;
    }

    private static String field(String column, int line) {
        return column + " (line " + line + ")";
    }

    private static String cell(List<String> cells, Integer column) {
        return column == null || column >= cells.size() ? null : cells.get(column);
    }

    /** The cells of one line; a quoted cell may hold commas and doubled quotes. */
    static List<String> cells(String line, int lineNumber) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new BadInput("line " + lineNumber, "a quoted cell is not closed on its line");
        }
        cells.add(cell.toString());
        return cells;
    }
}
