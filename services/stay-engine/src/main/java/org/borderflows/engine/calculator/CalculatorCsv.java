package org.borderflows.engine.calculator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.borderflows.domain.StayCalculator.ControlCheck;
import org.borderflows.domain.StayCalculator.PlanCheck;
import org.borderflows.domain.StayCalculator.PlannedStayCheck;

/**
 * A calculator answer as CSV (RFC 4180, CRLF line ends; a cell with a comma, quote, CR or LF is quoted): one line
 * per traveller in control-date mode, one line per traveller and planned stay in planning mode (a traveller without
 * figures has one line with its result and empty figures).
 */
final class CalculatorCsv {
    static final String CONTROL_HEADER = "reference,traveller_id,result,control_date,days_used,days_left,in_country,"
            + "stay_entry,latest_authorised_exit,overstay_days";
    static final String PLAN_HEADER = "reference,traveller_id,result,clock,plan_authorised,in_country,entry,exit,"
            + "authorised,last_authorised_day,days_over,days_used_on_exit";

    private CalculatorCsv() {}

    static String write(CalculatorResponse response) {
        boolean control = response.controlDate() != null;
        StringBuilder out = new StringBuilder(control ? CONTROL_HEADER : PLAN_HEADER).append("\r\n");
        for (CalculatorItem item : response.items()) {
            List<Object> head = List.of(item.reference(), nullable(item.travellerId()), item.result());
            if (control) {
                line(out, head, controlCells(item.control()));
            } else if (item.plan() == null) {
                line(out, head, blanks(9));
            } else {
                PlanCheck p = item.plan();
                for (PlannedStayCheck s : p.stays()) {
                    line(
                            out,
                            head,
                            List.of(
                                    p.clock(),
                                    p.authorised(),
                                    p.inCountry(),
                                    s.entry(),
                                    s.exit(),
                                    s.authorised(),
                                    s.lastAuthorisedDay(),
                                    s.daysOver(),
                                    s.daysUsedOnExit()));
                }
            }
        }
        return out.toString();
    }

    private static List<Object> controlCells(ControlCheck c) {
        if (c == null) {
            return blanks(7);
        }
        List<Object> cells = new ArrayList<>();
        cells.add(c.controlDate());
        cells.add(nullable(c.daysUsed()));
        cells.add(nullable(c.daysLeft()));
        cells.add(c.inCountry());
        cells.add(nullable(c.stayEntry()));
        cells.add(nullable(c.latestAuthorisedExit()));
        cells.add(nullable(c.overstayDays()));
        return cells;
    }

    private static Object nullable(Object value) {
        return value == null ? "" : value;
    }

    private static List<Object> blanks(int n) {
        List<Object> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cells.add("");
        }
        return cells;
    }

    private static void line(StringBuilder out, List<Object> head, List<Object> figures) {
        List<Object> cells = new ArrayList<>(head);
        cells.addAll(figures);
        for (int i = 0; i < cells.size(); i++) {
            out.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(Object value) {
        String text = value instanceof LocalDate d ? d.toString() : String.valueOf(value);
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
