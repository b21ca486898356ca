package org.borderflows.simulator.truth;

import java.util.Locale;

/** Table dimensions of RULES.md §9, plus the simulator's own grouping dimensions (kind, final, flow, issue). */
public enum Dim {
    MONTH,
    BORDER_POST,
    DIRECTION,
    RESIDENCE_STATUS,
    CITIZENSHIP,
    SEX,
    AGE_GROUP,
    PURPOSE,
    DURATION_CLASS,
    LABOUR,
    KIND,
    FINAL,
    FLOW,
    ISSUE;

    /** snake_case, as in the truth files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The dimension a query-service name stands for, whatever its case or separators (borderPost, border_post). */
    public static Dim of(String name) {
        String n = name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
        for (Dim d : values()) {
            if (d.name().replace("_", "").toLowerCase(Locale.ROOT).equals(n)) {
                return d;
            }
        }
        return switch (n) {
            case "status", "residence" -> RESIDENCE_STATUS;
            case "type" -> FLOW;
            case "post" -> BORDER_POST;
            case "agegroup", "age" -> AGE_GROUP;
            case "class", "durationclass" -> DURATION_CLASS;
            case "spellkind" -> KIND;
            default -> null;
        };
    }
}
