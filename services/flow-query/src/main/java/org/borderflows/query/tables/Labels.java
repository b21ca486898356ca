package org.borderflows.query.tables;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * English names of the dimension values ({@code labels=both} in JSON and CSV, code names in the SDMX codelists):
 * citizenships by their ISO 3166 names (from the JDK's locale data), periods spelled out, enum codes as words. A value
 * with no known name (a border post code, an unassigned alpha-3 code) is its own name.
 */
public final class Labels {
    private static final Map<String, String> COUNTRIES = countries();

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("direction=ENTRY", "Arrivals"),
            Map.entry("direction=EXIT", "Departures"),
            Map.entry("direction=" + YearEnded.NET, "Net migration (arrivals - departures)"),
            Map.entry("sex=M", "Male"),
            Map.entry("sex=F", "Female"),
            Map.entry("sex=X", "Sex not stated"),
            Map.entry("residenceStatus=NON_RESIDENT", "Non-resident"),
            Map.entry("flow=IN", "Labour migrant arrivals"),
            Map.entry("flow=OUT", "Labour emigrant departures"),
            Map.entry("flow=RETURN", "Returning labour emigrants"),
            Map.entry("flow=DEPARTURE", "Labour migrants leaving"),
            Map.entry("type=AT_EXIT", "Overstay found at exit"),
            Map.entry("type=IN_COUNTRY", "Suspected overstay in the country"),
            Map.entry("durationClass=PENDING", "Pending (open, under 90 days)"),
            Map.entry("durationClass=VISIT", "Visit (under 90 days)"),
            Map.entry("durationClass=SHORT_TERM", "Short-term (90 to 364 days)"),
            Map.entry("durationClass=LONG_TERM", "Long-term (365 days or more)"),
            Map.entry("durationClass=BORDER_WORKER", "Frontier worker's spell (docs/rules.md §4a)"),
            Map.entry("ageGroup=UNKNOWN", "Age not known"),
            Map.entry("ageGroup=85+", "85 years and over"),
            Map.entry("issue=ORPHAN_EXIT", "Exit without an entry"));

    private Labels() {}

    /** The name of a row value; periods are read with the row's frequency. */
    public static String of(String dimension, String value, Frequency frequency) {
        if (dimension.equals(Query.MONTH)) {
            return period(value, frequency);
        }
        return of(dimension, value);
    }

    /** The name of a dimension value (not a period). */
    public static String of(String dimension, String value) {
        String named = NAMED.get(dimension + "=" + value);
        if (named != null) {
            return named;
        }
        return switch (dimension) {
            case "citizenship" -> COUNTRIES.getOrDefault(value, value);
            case "ageGroup" -> value + " years";
            case Query.STAGE -> value + (value.equals("1") ? " month" : " months") + " after the crossing month";
            case "borderPost" -> value;
            default ->
                value.equals("true")
                        ? "Yes"
                        : value.equals("false") ? "No" : value.equals("NONE") ? "None" : words(value);
        };
    }

    /** March 2025, Q1 2025, 2025, or "Year ended March 2025". */
    static String period(String label, Frequency frequency) {
        return switch (frequency) {
            case MONTH -> month(label);
            case YEAR_ENDED -> "Year ended " + month(label);
            case QUARTER -> label.substring(5) + " " + label.substring(0, 4);
            case YEAR -> label;
        };
    }

    private static String month(String label) {
        YearMonth m = YearMonth.parse(label);
        return m.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + m.getYear();
    }

    /** SHORT_TERM gives "Short term". */
    private static String words(String code) {
        String lower = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static Map<String, String> countries() {
        Map<String, String> out = new HashMap<>();
        for (String alpha2 : Locale.getISOCountries()) {
            Locale country = new Locale.Builder().setRegion(alpha2).build();
            out.put(country.getISO3Country(), country.getDisplayCountry(Locale.ENGLISH));
        }
        return Map.copyOf(out);
    }
}
