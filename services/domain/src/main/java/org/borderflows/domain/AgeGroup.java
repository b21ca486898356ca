package org.borderflows.domain;

import java.time.LocalDate;

/** Five-year age groups of the published tables (RULES.md §9): "0-4" .. "80-84", "85+", "UNKNOWN". */
public final class AgeGroup {

    public static final String UNKNOWN = "UNKNOWN";
    private static final String[] GROUPS = new String[17];

    static {
        for (int i = 0; i < GROUPS.length; i++) {
            GROUPS[i] = (i * 5) + "-" + (i * 5 + 4);
        }
    }

    private AgeGroup() {}

    /** The age group of someone born on {@code birthDate} on the date {@code on}; UNKNOWN when either is absent. */
    public static String of(LocalDate birthDate, LocalDate on) {
        if (birthDate == null || on == null || on.isBefore(birthDate)) {
            return UNKNOWN;
        }
        int age = on.getYear() - birthDate.getYear();
        if (on.getMonthValue() < birthDate.getMonthValue()
                || (on.getMonthValue() == birthDate.getMonthValue()
                        && on.getDayOfMonth() < birthDate.getDayOfMonth())) {
            age--; // birthday not reached yet this year (29 February birthdays count from 1 March)
        }
        if (age >= 85) {
            return "85+";
        }
        return GROUPS[age / 5];
    }
}
