package org.borderflows.query.tables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.borderflows.query.tables.Datasets.Measure;
import org.borderflows.query.topology.OverstayRatesContribution;

/**
 * The measures of the {@code overstay-rates} dataset (RULES.md §7, §9), modelled on the US DHS Entry/Exit Overstay
 * Report: the expected departures of a period are the stays under the 90/180-day regime whose latest authorised exit
 * date falls in it, split by how they ended at the clock: departed on time, out-of-country overstay (exit after the
 * date), suspected in-country overstay (no exit, the clock past the date) and still in the country within the
 * authorised stay (no exit, not due yet). The overstay rates are percentages of the expected departures.
 *
 * <p>A row accumulates a {@code double[4]} of exact counts (on time, out of country, in country, not due), which
 * quarters and years add like any count ({@link PeriodTotals}). For the public every count is protected as a figure
 * of its own (§10) and the rates are computed from the protected figures, so a rate reveals nothing the published
 * counts do not; a rate whose numerator or denominator is suppressed, or whose denominator is 0, is null.
 */
final class OverstayRates {
    static final String EXPECTED = "expectedDepartures";
    static final String ON_TIME = "departedOnTime";
    static final String OUT_OF_COUNTRY = "outOfCountryOverstays";
    static final String IN_COUNTRY_OVERSTAYS = "inCountryOverstays";
    static final String NOT_DUE_MEASURE = "inCountryNotDue";
    static final String OVERSTAYS = "overstays";
    static final String RATE = "overstayRate";
    static final String IN_COUNTRY_RATE = "inCountryOverstayRate";

    /** The value of the {@code departure} cell dimension at the clock for a stay with no exit, past its date. */
    static final String IN_COUNTRY = "IN_COUNTRY";
    /** The value at the clock for a stay with no exit whose latest authorised exit the clock is not past. */
    static final String NOT_DUE = "NOT_DUE";

    /** The departures at the clock, in the order of the accumulated counts. */
    static final CountsByValue DEPARTURES = new CountsByValue(
            Datasets.OVERSTAY_RATES,
            List.of(OverstayRatesContribution.ON_TIME, OverstayRatesContribution.OUT_OF_COUNTRY, IN_COUNTRY, NOT_DUE));

    static final List<Measure> MEASURES = List.of(
            new Measure(
                    EXPECTED,
                    "Stays under the visa-free regime whose latest authorised exit date falls in the period (RULES.md"
                            + " §7)"),
            new Measure(ON_TIME, "Expected departures that left on or before their latest authorised exit date"),
            new Measure(OUT_OF_COUNTRY, "Out-of-country overstays: exit after the latest authorised exit date"),
            new Measure(
                    IN_COUNTRY_OVERSTAYS,
                    "Suspected in-country overstays: no exit recorded and the clock past the latest authorised exit"
                            + " date (derived at the clock, RULES.md §8)"),
            new Measure(
                    NOT_DUE_MEASURE,
                    "Still in the country within the authorised stay: no exit and the latest authorised exit date not"
                            + " passed yet"),
            new Measure(OVERSTAYS, "Total overstays: outOfCountryOverstays + inCountryOverstays"),
            new Measure(
                    RATE,
                    "Total overstay rate, % of expected departures (overstays / expectedDepartures x 100, 2"
                            + " decimals); for the public computed from the protected counts"),
            new Measure(
                    IN_COUNTRY_RATE,
                    "Suspected in-country overstay rate, % of expected departures (2 decimals); for the public"
                            + " computed from the protected counts"));

    private OverstayRates() {}

    /**
     * Puts the row's measures: each count through {@code figure} (measure name, exact count: the published figure,
     * protected or not; null when suppressed), then the rates from those figures.
     */
    static void put(Map<String, Object> row, double[] counts, BiFunction<String, Long, Long> figure) {
        long onTime = Math.round(counts[0]);
        long outOfCountry = Math.round(counts[1]);
        long inCountry = Math.round(counts[2]);
        long notDue = Math.round(counts[3]);
        Long expected = figure.apply(EXPECTED, onTime + outOfCountry + inCountry + notDue);
        row.put(EXPECTED, expected);
        row.put(ON_TIME, figure.apply(ON_TIME, onTime));
        row.put(OUT_OF_COUNTRY, figure.apply(OUT_OF_COUNTRY, outOfCountry));
        Long inCountryFigure = figure.apply(IN_COUNTRY_OVERSTAYS, inCountry);
        row.put(IN_COUNTRY_OVERSTAYS, inCountryFigure);
        row.put(NOT_DUE_MEASURE, figure.apply(NOT_DUE_MEASURE, notDue));
        Long overstays = figure.apply(OVERSTAYS, outOfCountry + inCountry);
        row.put(OVERSTAYS, overstays);
        row.put(RATE, percent(overstays, expected));
        row.put(IN_COUNTRY_RATE, percent(inCountryFigure, expected));
    }

    /**
     * part / whole x 100 with exactly 2 decimals (half up), as the DHS report prints them (1.47); a decimal, so JSON
     * and CSV show both decimals; null when either is suppressed or the whole is 0.
     */
    static BigDecimal percent(Long part, Long whole) {
        if (part == null || whole == null || whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
