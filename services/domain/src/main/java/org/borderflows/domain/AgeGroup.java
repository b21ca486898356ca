package org.borderflows.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Five-year age groups of the published tables (RULES.md §9): "0-4" .. "80-84", "85+", "UNKNOWN". */
public final class AgeGroup {

    public static final String UNKNOWN = "UNKNOWN";

    private AgeGroup() {}

    /** The age group of someone born on {@code birthDate} on the date {@code on}; UNKNOWN when either is absent. */
    public static String of(LocalDate birthDate, LocalDate on) {
        if (birthDate == null || on == null || on.isBefore(birthDate)) {
            return UNKNOWN;
        }
        long age = ChronoUnit.YEARS.between(birthDate, on);
        if (age >= 85) {
            return "85+";
        }
        long low = age / 5 * 5;
        return low + "-" + (low + 4);
    }
}
