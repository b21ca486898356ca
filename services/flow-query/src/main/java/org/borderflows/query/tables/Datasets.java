package org.borderflows.query.tables;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.borderflows.query.topology.BorderWorkersContribution;
import org.borderflows.query.topology.CellDimension;
import org.borderflows.query.topology.Contribution;
import org.borderflows.query.topology.Contributions;
import org.borderflows.query.topology.CrossingsContribution;
import org.borderflows.query.topology.LabourContribution;
import org.borderflows.query.topology.MigrationContribution;
import org.borderflows.query.topology.OverstayRatesContribution;
import org.borderflows.query.topology.OverstayersContribution;
import org.borderflows.query.topology.OverstaysContribution;
import org.borderflows.query.topology.QualityContribution;
import org.borderflows.query.topology.SpellsContribution;
import org.borderflows.query.topology.StockContribution;
import org.borderflows.schema.Direction;
import org.borderflows.schema.DurationClass;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.QualityIssue;
import org.borderflows.schema.ResidenceStatus;
import org.borderflows.schema.Sex;
import org.borderflows.schema.SpellKind;

/**
 * The published datasets of RULES.md §9, each one definition: dimensions, measures, descriptions (the API catalogue),
 * how its cells are read and written. Longer than most classes because it is the whole catalogue, read in one place.
 */
public final class Datasets {
    /** A dimension: its name, what it means, and either its closed set of values or the pattern of a value. */
    public record Dimension(String name, String description, Set<String> values, Pattern pattern) {
        public boolean accepts(String value) {
            return values != null
                    ? values.contains(value)
                    : pattern.matcher(value).matches();
        }

        public String allowed() {
            return values != null ? String.join(", ", values) : "values matching " + pattern.pattern();
        }
    }

    public record Measure(String name, String description) {}

    /**
     * A published dataset: its catalogue text, dimensions (with their value sets; their packing is the cell
     * dimension's, {@link CellDimension}) and measures; how its cells answer a question ({@link Reading}); what its
     * answers derive from the cells' dates at the clock ({@link ClockDerivation}, RULES.md §8); the dataset whose
     * cells it reads ({@code cells}: its own, or the 12/16 cells for the revisions); whether it is a
     * flow (RULES.md §9: flows alone have year-ended totals); which cells the engine's values contribute to it
     * ({@link Contribution}).
     */
    public record Dataset(
            String name,
            String description,
            List<Dimension> dimensions,
            List<Measure> measures,
            Reading reading,
            ClockDerivation atClock,
            String cells,
            boolean flow,
            Contribution contribution) {
        public Dimension dimension(String name) {
            return dimensions.stream()
                    .filter(d -> d.name().equals(name))
                    .findFirst()
                    .orElse(null);
        }

        /**
         * The measure a row's status describes and SDMX publishes as OBS_VALUE: {@code count}, else the 12/16
         * {@code estimate}, else the first measure (overstay-rates: its expected departures).
         */
        public String primaryMeasure() {
            for (String preferred : List.of("count", "estimate")) {
                if (measures.stream().anyMatch(m -> m.name().equals(preferred))) {
                    return preferred;
                }
            }
            return measures.get(0).name();
        }
    }

    public static final String CROSSINGS = "crossings";
    public static final String SPELLS = "spells";
    public static final String MIGRATION = "migration-12-16";
    public static final String REVISIONS = "migration-12-16-revisions";
    public static final String STOCK = "stock";
    public static final String LABOUR = "labour";
    public static final String OVERSTAYS = "overstays";
    /** Per-person suspected in-country overstays (RULES.md §7, EES Art. 12): border agency only, not catalogued. */
    public static final String OVERSTAYERS = "overstayers";

    public static final String OVERSTAY_RATES = "overstay-rates";
    public static final String BORDER_WORKERS = "border-workers";
    public static final String QUALITY = "quality";

    static final Dimension MONTH =
            open(Query.MONTH, "Calendar month (YYYY-MM) of the dataset's reference date", "\\d{4}-\\d{2}");
    static final Dimension BORDER_POST =
            open(CellDimension.BORDER_POST.key(), "Border post code, e.g. KZ-ALA-AIR", "[A-Za-z0-9_-]{1,40}");
    static final Dimension DIRECTION =
            closed(CellDimension.DIRECTION.key(), "ENTRY (arrival) or EXIT (departure)", names(Direction.values()));
    static final Dimension RESIDENCE = closed(
            CellDimension.RESIDENCE_STATUS.key(),
            "Residence status before the crossing (RULES.md §3, §5)",
            names(ResidenceStatus.values()));
    static final Dimension CITIZENSHIP =
            open(CellDimension.CITIZENSHIP.key(), "ISO 3166-1 alpha-3 citizenship", "[A-Z]{3}");
    static final Dimension SEX = closed(CellDimension.SEX.key(), "M, F or X", names(Sex.values()));
    static final Dimension AGE_GROUP = closed(
            CellDimension.AGE_GROUP.key(), "Age group at the crossing (5-year groups, 85+, UNKNOWN)", ageGroups());
    static final Dimension PURPOSE =
            closed(CellDimension.PURPOSE.key(), "Declared purpose on the (starting) card", names(Purpose.values()));
    static final Dimension DURATION = closed(
            CellDimension.DURATION_CLASS.key(),
            "Duration class of RULES.md §4 (PENDING: open and under 90 days); in spells, BORDER_WORKER: a closed"
                    + " spell that ended while its traveller was a frontier worker (docs/rules.md §4a), counted"
                    + " apart from its duration class",
            durationClasses());
    static final Dimension LABOUR_FLAG =
            closed(CellDimension.LABOUR.key(), "Labour migrant / emigrant flag (RULES.md §4)", Set.of("true", "false"));
    static final Dimension KIND = closed(
            CellDimension.KIND.key(),
            "STAY (non-resident in the country) or ABSENCE (resident abroad)",
            names(SpellKind.values()));
    static final Dimension FINAL = closed(
            CellDimension.FINAL.key(), "true when the duration class can no longer change", Set.of("true", "false"));
    static final Dimension FLOW = closed(
            CellDimension.FLOW.key(),
            "IN: labour migrant arrival (start of stay); OUT: labour emigrant departure (start of absence);"
                    + " RETURN: returning labour emigrant (end of absence); DEPARTURE: labour migrant leaving",
            Set.of("IN", "OUT", "RETURN", "DEPARTURE"));
    static final Dimension OVERSTAY_TYPE = closed(
            CellDimension.TYPE.key(),
            "AT_EXIT: exit after the latest authorised exit date (month of exit); IN_COUNTRY: suspected in-country"
                    + " overstay, no exit and the clock is past the date (month the overstay began) (RULES.md §7)",
            Set.of("AT_EXIT", "IN_COUNTRY"));
    static final Dimension ISSUE = closed(
            CellDimension.ISSUE.key(),
            "RECEIVED (accepted crossings and rejected records), REJECTED, DUPLICATE, ORPHAN_EXIT, BROKEN_SPELL, LATE",
            issues());
    static final Dimension REASON = open(
            CellDimension.REASON.key(),
            "Rejection reason code (FieldError code, e.g. MISSING, BAD_FORMAT); NONE for other issues",
            "[A-Z_]{1,40}");
    static final Dimension STAGE = open(
            Query.STAGE,
            "Months after the crossing month at which the provisional estimate was made (0 to the 12/16 window in months, 16)",
            "\\d{1,2}");

    static final Dimension VINTAGE = closed(
            Vintages.VINTAGE,
            "PUBLISHED: the estimate as published at the end of that month (kept when the month ended, RULES.md §6);"
                    + " BACK_CAST: none was kept (the service was not running then, or a replay passed the month),"
                    + " so the estimate is made now as at the end of that month, its situations read from the final"
                    + " facts",
            new java.util.LinkedHashSet<>(List.of(Vintages.PUBLISHED, Vintages.BACK_CAST)));

    private static final Map<String, Dataset> ALL = new LinkedHashMap<>();

    static {
        List<Measure> count = List.of(new Measure("count", "Number of records in the cell"));
        add(new Dataset(
                CROSSINGS,
                "Arrivals (ENTRY) and departures (EXIT) by month of crossing, with the residence status before"
                        + " the crossing (RULES.md §9)",
                List.of(MONTH, BORDER_POST, DIRECTION, RESIDENCE, CITIZENSHIP, SEX, AGE_GROUP, PURPOSE),
                count,
                Reading.COUNTS,
                ClockDerivation.NOTHING,
                CROSSINGS,
                true,
                new CrossingsContribution()));
        add(new Dataset(
                SPELLS,
                "Stays and absences by month of start, duration class (PENDING included) and whether the class is"
                        + " final; broken spells are in the quality dataset (RULES.md §3, §4)",
                List.of(
                        MONTH,
                        KIND,
                        DURATION,
                        FINAL,
                        BORDER_POST,
                        RESIDENCE,
                        CITIZENSHIP,
                        SEX,
                        AGE_GROUP,
                        PURPOSE,
                        LABOUR_FLAG),
                count,
                Reading.COUNTS,
                ClockDerivation.OPEN_SPELL,
                SPELLS,
                true,
                new SpellsContribution()));
        add(new Dataset(
                MIGRATION,
                "Long-term migrant arrivals and departures under the 12/16-month rule by month of crossing: final"
                        + " count, provisional estimate and 95% interval (RULES.md §5, §6). With frequency=year-ended"
                        + " (month in by) each month's row is the total of the 12 months ending with it, and rows"
                        + " grouped by direction also get direction NET = ENTRY - EXIT; their intervals come from the"
                        + " months' and directions' variances (directions taken as independent), never from adding"
                        + " bounds",
                List.of(MONTH, BORDER_POST, DIRECTION, RESIDENCE, CITIZENSHIP, SEX, AGE_GROUP, PURPOSE),
                List.of(
                        new Measure("finalCount", "Crossings whose outcome is final and a long-term migration"),
                        new Measure(
                                "estimate",
                                "finalCount plus, for each provisional crossing, the probability it ends as a long-term"
                                        + " migration: the cohort 12 months earlier at the same stage to the day,"
                                        + " in the same situation (on the new side or gone back), shrunk towards"
                                        + " coarser groups"),
                        new Measure(
                                "lower",
                                "Lower bound of the 95% prediction interval of the final count (beta-binomial"
                                        + " variance, the rate's change in a year and the spread of past revisions)"),
                        new Measure("upper", "Upper bound of the 95% prediction interval of the final count")),
                Reading.MIGRATION,
                ClockDerivation.NOTHING,
                MIGRATION,
                true,
                new MigrationContribution()));
        add(new Dataset(
                REVISIONS,
                "How provisional 12/16 estimates published 0-16 months (the window) after the crossing month compared with the"
                        + " final count, for crossing months whose outcomes are all final (Stats NZ revision report)",
                List.of(MONTH, STAGE, VINTAGE, BORDER_POST, DIRECTION, RESIDENCE, CITIZENSHIP, SEX, AGE_GROUP, PURPOSE),
                List.of(
                        new Measure("finalCount", "Final count of long-term migrations"),
                        new Measure("estimate", "Estimate published at that stage (see vintage)"),
                        new Measure("lower", "Lower bound of that estimate's 95% interval"),
                        new Measure("upper", "Upper bound of that estimate's 95% interval"),
                        new Measure("revision", "finalCount - estimate")),
                Reading.REVISIONS,
                ClockDerivation.NOTHING,
                MIGRATION,
                false,
                Contribution.NONE));
        add(new Dataset(
                STOCK,
                "Non-residents present at the end of each month: stays started by then and not ended within the"
                        + " month (open stays), up to the processing clock",
                List.of(MONTH, BORDER_POST, CITIZENSHIP, SEX, AGE_GROUP, PURPOSE, LABOUR_FLAG),
                count,
                Reading.STOCK,
                ClockDerivation.OPEN_WORK_STAY,
                STOCK,
                false,
                new StockContribution()));
        add(new Dataset(
                LABOUR,
                "Labour migrants in and labour emigrants out by month of start, and their departures/returns by"
                        + " month of end (RULES.md §4)",
                List.of(MONTH, FLOW, DURATION, FINAL, BORDER_POST, CITIZENSHIP, SEX, AGE_GROUP),
                count,
                Reading.COUNTS,
                ClockDerivation.LABOUR_SPELL_BEGUN,
                LABOUR,
                true,
                new LabourContribution()));
        add(new Dataset(
                OVERSTAYS,
                "Overstays of the 90/180-day rule by month (RULES.md §7); per-person lists are for the border"
                        + " agency only (GET /api/v1/overstayers)",
                List.of(MONTH, OVERSTAY_TYPE, BORDER_POST, CITIZENSHIP, SEX, AGE_GROUP, PURPOSE),
                count,
                Reading.COUNTS,
                ClockDerivation.OVERSTAY_BEGUN,
                OVERSTAYS,
                true,
                new OverstaysContribution()));
        add(new Dataset(
                OVERSTAY_RATES,
                "Expected departures of stays under the 90/180-day regime by month of their latest authorised exit"
                        + " date (month of entry border post, citizenship, purpose), how they ended at the clock and"
                        + " the overstay rates (RULES.md §7; as the US DHS Entry/Exit Overstay Report). Months after"
                        + " the clock's hold stays not due yet (ask with to=); a row is provisional until its months"
                        + " are over",
                List.of(MONTH, BORDER_POST, CITIZENSHIP, PURPOSE),
                OverstayRates.MEASURES,
                Reading.OVERSTAY_RATES,
                ClockDerivation.DEPARTURE_DUE,
                OVERSTAY_RATES,
                true,
                new OverstayRatesContribution()));
        add(new Dataset(
                BORDER_WORKERS,
                "Frontier (border) workers and their crossings by month (docs/rules.md §4a, UN 1998): a worker is"
                        + " counted in each month in which a spell of theirs ended while they were one, at the border"
                        + " post where the first such spell of the month ended; STAY: foreign workers commuting in,"
                        + " ABSENCE: residents commuting out",
                List.of(MONTH, KIND, BORDER_POST, CITIZENSHIP),
                BorderWorkers.MEASURES,
                Reading.BORDER_WORKERS,
                ClockDerivation.NOTHING,
                BORDER_WORKERS,
                true,
                new BorderWorkersContribution()));
        add(new Dataset(
                QUALITY,
                "Data quality by month: records received, rejected by reason, duplicates, orphan exits, broken"
                        + " spells, late records (RULES.md §3, §9)",
                List.of(MONTH, ISSUE, REASON, BORDER_POST),
                count,
                Reading.COUNTS,
                ClockDerivation.NOTHING,
                QUALITY,
                false,
                new QualityContribution()));
    }

    private Datasets() {}

    public static Dataset get(String name) {
        return ALL.get(name);
    }

    public static List<Dataset> all() {
        return List.copyOf(ALL.values());
    }

    /**
     * What the engine's values contribute to the cells of every dataset, and of the border agency's overstayer list
     * (not catalogued: per person, never published); the aggregator ({@code FlowTableTopology}) writes them.
     */
    public static Contributions contributions() {
        Map<String, Contribution> byDataset = new LinkedHashMap<>();
        for (Dataset d : ALL.values()) {
            byDataset.put(d.name(), d.contribution());
        }
        byDataset.put(OVERSTAYERS, new OverstayersContribution());
        return new Contributions(byDataset);
    }

    private static void add(Dataset d) {
        ALL.put(d.name(), d);
    }

    private static Dimension open(String name, String description, String regex) {
        return new Dimension(name, description, null, Pattern.compile(regex));
    }

    private static Dimension closed(String name, String description, Set<String> values) {
        return new Dimension(name, description, values, null);
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static Set<String> durationClasses() {
        Set<String> out = names(DurationClass.values());
        out.add(Contributions.BORDER_WORKER_CLASS);
        return out;
    }

    private static Set<String> issues() {
        Set<String> out =
                new java.util.LinkedHashSet<>(List.of(QualityContribution.RECEIVED, QualityContribution.REJECTED));
        out.addAll(names(QualityIssue.values()));
        return out;
    }

    private static Set<String> ageGroups() {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (int a = 0; a < 85; a += 5) {
            out.add(a + "-" + (a + 4));
        }
        out.add("85+");
        out.add("UNKNOWN");
        return out;
    }
}
