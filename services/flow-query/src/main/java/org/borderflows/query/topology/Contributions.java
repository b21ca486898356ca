package org.borderflows.query.topology;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.Direction;
import org.borderflows.schema.DurationClass;
import org.borderflows.schema.FieldError;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.RejectedRecord;
import org.borderflows.schema.ResidenceStatus;
import org.borderflows.schema.Spell;
import org.borderflows.schema.SpellKind;
import org.borderflows.schema.SpellState;
import org.borderflows.schema.TableCell;

/**
 * What one engine output contributes to the tables of RULES.md §9: a list of cells with count 1 (or the
 * number of occurrences). Pure functions: the correction processor calls them for the old and the new value
 * of a key and sends the difference, so a correction moves a count from one cell to another.
 *
 * <p>Cells hold facts and dates only, never what depends on the clock (RULES.md §8): an outcome's cell carries its
 * final date, an open spell's its start day, an open stay's overstay cell the day it would begin. The query side
 * derives provisional outcomes, open spells' classes and suspected overstays at its clock ({@code ClockView}), so a
 * cell changes only when an engine value's facts do.
 */
public final class Contributions {
    public static final String CROSSINGS = "crossings";
    public static final String SPELLS = "spells";
    public static final String MIGRATION = "migration-12-16";
    public static final String STOCK = "stock";
    public static final String LABOUR = "labour";
    public static final String OVERSTAYS = "overstays";
    public static final String QUALITY = "quality";
    /** Per-person suspected in-country overstays (RULES.md §7, EES Art. 12): border agency only. */
    public static final String OVERSTAYERS = "overstayers";
    /**
     * Expected departures under the 90/180-day regime by month of the latest authorised exit, and how they ended
     * (RULES.md §7; the US DHS Entry/Exit Overstay Report's measures).
     */
    public static final String OVERSTAY_RATES = "overstay-rates";
    /**
     * Frontier (border) workers (docs/rules.md §4a): each worker once a month, by the first of their border-worker
     * spells ending in it, and the crossings of those spells.
     */
    public static final String BORDER_WORKERS = "border-workers";

    public static final String WORKER = "WORKER";
    public static final String CROSSING = "CROSSING";
    /**
     * The spells' class of a closed spell of a frontier worker (docs/rules.md §4a), counted apart from its duration
     * class so that daily commutes do not swamp VISIT.
     */
    public static final String BORDER_WORKER_CLASS = "BORDER_WORKER";

    public static final String ON_TIME = "ON_TIME";
    public static final String OUT_OF_COUNTRY = "OUT_OF_COUNTRY";
    public static final String NO_EXIT = "NO_EXIT";

    /** Cells written for a value that carries no processing clock (e.g. a rejection stamped with wall time). */
    public static final LocalDate NO_CLOCK = LocalDate.EPOCH;

    public static final int TIME_BACK_BIN_DAYS = 15;

    public static final String CLOSED = "-";

    private Contributions() {}

    /** A 12/16 outcome: the crossing itself (§9 crossings) and, in the migrating direction, its outcome (§5). */
    public static List<TableCell> of(CrossingOutcome o) {
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put(CellDimension.BORDER_POST.key(), o.getBorderPost());
        dims.put(CellDimension.DIRECTION.key(), o.getDirection().name());
        dims.put(CellDimension.RESIDENCE_STATUS.key(), o.getStatusBefore().name());
        dims.put(CellDimension.CITIZENSHIP.key(), o.getCitizenship());
        dims.put(CellDimension.SEX.key(), o.getSex().name());
        dims.put(CellDimension.AGE_GROUP.key(), o.getAgeGroup());
        dims.put(CellDimension.PURPOSE.key(), o.getPurpose().name());
        List<TableCell> cells = new ArrayList<>();
        cells.add(Cells.of(CROSSINGS, o.getCrossingDate(), dims, 1, o.getAsOf()));
        if (isMigratingDirection(o)) {
            // The final date lets the query side count final outcomes and estimate provisional ones from the
            // cohort 12 months earlier at the same stage (§6).
            Map<String, String> migration = new LinkedHashMap<>(dims);
            migration.put(CellDimension.LTM.key(), String.valueOf(o.getLongTermMigration()));
            migration.put(CellDimension.FINAL_MONTH.key(), Cells.month(o.getFinalDate()));
            migration.put(CellDimension.FINAL_DAY.key(), day(o.getFinalDate()));
            migration.put(CellDimension.DAYS_TO_TIME_BACK.key(), daysToTimeBack(o));
            cells.add(Cells.of(MIGRATION, o.getCrossingDate(), migration, 1, o.getAsOf()));
        }
        return cells;
    }

    private static String daysToTimeBack(CrossingOutcome o) {
        if (o.getFirstTimeBackDate() == null) {
            return CLOSED;
        }
        long days = ChronoUnit.DAYS.between(o.getCrossingDate(), o.getFirstTimeBackDate());
        return String.valueOf(days / TIME_BACK_BIN_DAYS * TIME_BACK_BIN_DAYS);
    }

    /** Reads a {@link CellDimension#DAYS_TO_TIME_BACK} value: the bin's first day, -1 when there was no time back. */
    public static int daysToTimeBack(String value) {
        return value == null || value.equals(CLOSED) ? -1 : Integer.parseInt(value);
    }

    /** The day of the month, two digits. */
    static String day(LocalDate date) {
        int d = date.getDayOfMonth();
        return d < 10 ? "0" + d : String.valueOf(d);
    }

    /** RULES.md §5: a non-resident arriving or a resident leaving opens a 12/16 review. */
    static boolean isMigratingDirection(CrossingOutcome o) {
        return (o.getDirection() == Direction.ENTRY && o.getStatusBefore() == ResidenceStatus.NON_RESIDENT)
                || (o.getDirection() == Direction.EXIT && o.getStatusBefore() == ResidenceStatus.RESIDENT);
    }

    /**
     * A spell: its class (§4), the stock of stays (§9), labour flows (§4) and overstays (§7). An open spell's class,
     * labour flag and overstay depend on the clock: its cells carry its start day (and for a stay under the
     * authorised-stay regime, the day its overstay would begin) instead, with class PENDING and labour false. In the
     * stock only an open WORK stay can still become labour, so only its cells carry the start day.
     */
    public static List<TableCell> of(Spell s) {
        List<TableCell> cells = new ArrayList<>();
        if (s.getState() == SpellState.BROKEN) {
            return cells; // no duration: counted as a data-quality figure from the engine's finding (§3)
        }
        boolean stay = s.getKind() == SpellKind.STAY;
        boolean closed = s.getState() == SpellState.CLOSED && s.getEndDate() != null;
        String durationClass = !closed
                ? DurationClass.PENDING.name()
                : s.getBorderWorker()
                        ? BORDER_WORKER_CLASS
                        : s.getDurationClass().name();
        String classFinal = String.valueOf(closed);
        boolean labour = closed ? s.getLabour() : s.getPurpose() == Purpose.WORK;
        String startDay = closed ? CLOSED : day(s.getStartDate());
        Map<String, String> person = new LinkedHashMap<>();
        person.put(CellDimension.CITIZENSHIP.key(), s.getCitizenship());
        person.put(CellDimension.SEX.key(), s.getSex().name());
        person.put(CellDimension.AGE_GROUP.key(), s.getAgeGroup());

        Map<String, String> spell = new LinkedHashMap<>(person);
        spell.put(CellDimension.KIND.key(), s.getKind().name());
        spell.put(CellDimension.DURATION_CLASS.key(), durationClass);
        spell.put(CellDimension.FINAL.key(), classFinal);
        spell.put(CellDimension.BORDER_POST.key(), s.getStartBorderPost());
        spell.put(
                CellDimension.RESIDENCE_STATUS.key(),
                (stay ? ResidenceStatus.NON_RESIDENT : ResidenceStatus.RESIDENT).name());
        spell.put(CellDimension.PURPOSE.key(), s.getPurpose().name());
        spell.put(CellDimension.LABOUR.key(), String.valueOf(closed && s.getLabour()));
        spell.put(CellDimension.START_DAY.key(), startDay);
        cells.add(Cells.of(SPELLS, s.getStartDate(), spell, 1, s.getAsOf()));

        if (closed && s.getBorderWorker()) {
            cells.addAll(borderWorker(s, person));
        }
        if (stay) {
            // Present at the end of month M when the stay started by M and had not ended by the end of M.
            Map<String, String> stock = new LinkedHashMap<>(person);
            stock.put(CellDimension.BORDER_POST.key(), s.getStartBorderPost());
            stock.put(CellDimension.PURPOSE.key(), s.getPurpose().name());
            stock.put(CellDimension.LABOUR.key(), String.valueOf(closed && s.getLabour()));
            stock.put(
                    CellDimension.START_DAY.key(),
                    !closed && s.getPurpose() == Purpose.WORK ? day(s.getStartDate()) : CLOSED);
            stock.put(CellDimension.END_MONTH.key(), closed ? Cells.month(s.getEndDate()) : "OPEN");
            cells.add(Cells.of(STOCK, s.getStartDate(), stock, 1, s.getAsOf()));
        }
        if (labour) {
            // open: a labour spell once 90 days old, which the query derives from the start day (§4)
            Map<String, String> start = new LinkedHashMap<>(person);
            start.put(CellDimension.FLOW.key(), stay ? "IN" : "OUT");
            start.put(CellDimension.DURATION_CLASS.key(), durationClass);
            start.put(CellDimension.FINAL.key(), classFinal);
            start.put(CellDimension.BORDER_POST.key(), s.getStartBorderPost());
            start.put(CellDimension.START_DAY.key(), startDay);
            cells.add(Cells.of(LABOUR, s.getStartDate(), start, 1, s.getAsOf()));
            if (closed) {
                Map<String, String> end = new LinkedHashMap<>(start);
                end.put(CellDimension.FLOW.key(), stay ? "DEPARTURE" : "RETURN");
                end.put(
                        CellDimension.BORDER_POST.key(),
                        s.getEndBorderPost() == null ? Cells.NONE : s.getEndBorderPost());
                cells.add(Cells.of(LABOUR, s.getEndDate(), end, 1, s.getAsOf()));
            }
        }
        if (stay) {
            Map<String, String> overstay = new LinkedHashMap<>(person);
            overstay.put(CellDimension.BORDER_POST.key(), s.getStartBorderPost());
            overstay.put(CellDimension.PURPOSE.key(), s.getPurpose().name());
            if (closed && s.getOverstayDays() != null && s.getOverstayDays() > 0) {
                overstay.put(CellDimension.TYPE.key(), "AT_EXIT");
                overstay.put(CellDimension.DAY.key(), CLOSED);
                cells.add(Cells.of(OVERSTAYS, s.getEndDate(), overstay, 1, s.getAsOf()));
            } else if (!closed && s.getLatestAuthorisedExit() != null) {
                // §7: a suspected overstay from the day after the latest authorised exit, if no exit comes first
                LocalDate began = s.getLatestAuthorisedExit().plusDays(1);
                overstay.put(CellDimension.TYPE.key(), "IN_COUNTRY");
                overstay.put(CellDimension.DAY.key(), day(began));
                cells.add(Cells.of(OVERSTAYS, began, overstay, 1, s.getAsOf()));
                Map<String, String> who = new LinkedHashMap<>(overstay);
                who.remove(CellDimension.TYPE.key());
                who.put(CellDimension.SPELL_ID.key(), s.getSpellId());
                who.put(CellDimension.TRAVELLER_ID.key(), s.getTravellerId());
                who.put(CellDimension.ENTRY_DATE.key(), s.getStartDate().toString());
                who.put(
                        CellDimension.LATEST_AUTHORISED_EXIT.key(),
                        s.getLatestAuthorisedExit().toString());
                who.put(
                        CellDimension.CARD_NUMBER.key(),
                        s.getStartCardNumber() == null ? CLOSED : s.getStartCardNumber());
                cells.add(Cells.of(OVERSTAYERS, s.getStartDate(), who, 1, s.getAsOf()));
            }
            if (s.getLatestAuthorisedExit() != null) {
                cells.add(expectedDeparture(s, closed));
            }
        }
        return cells;
    }

    /** A frontier worker's spell: its two crossings and, if it is the first of its month, the worker (§4a). */
    private static List<TableCell> borderWorker(Spell s, Map<String, String> person) {
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put(CellDimension.CITIZENSHIP.key(), person.get(CellDimension.CITIZENSHIP.key()));
        dims.put(CellDimension.KIND.key(), s.getKind().name());
        dims.put(CellDimension.COUNTED.key(), CROSSING);
        Map<String, String> start = new LinkedHashMap<>(dims);
        start.put(CellDimension.BORDER_POST.key(), s.getStartBorderPost());
        Map<String, String> end = new LinkedHashMap<>(dims);
        end.put(CellDimension.BORDER_POST.key(), s.getEndBorderPost() == null ? Cells.NONE : s.getEndBorderPost());
        List<TableCell> cells = new ArrayList<>();
        cells.add(Cells.of(BORDER_WORKERS, s.getStartDate(), start, 1, s.getAsOf()));
        cells.add(Cells.of(BORDER_WORKERS, s.getEndDate(), end, 1, s.getAsOf()));
        if (s.getFirstBorderWorkerSpellOfMonth()) {
            Map<String, String> worker = new LinkedHashMap<>(end);
            worker.put(CellDimension.COUNTED.key(), WORKER);
            cells.add(Cells.of(BORDER_WORKERS, s.getEndDate(), worker, 1, s.getAsOf()));
        }
        return cells;
    }

    /**
     * A stay under the 90/180-day regime is an expected departure in the month of its latest authorised exit L (§7).
     * Closed: on time (exit on or before L) or an out-of-country overstay (exit after L), facts. Open: no exit yet,
     * with L's day, from which the query derives at its clock a suspected in-country overstay (clock past L) or a
     * stay not yet due (§8: never a flag written at the engine's clock).
     */
    private static TableCell expectedDeparture(Spell s, boolean closed) {
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put(CellDimension.CITIZENSHIP.key(), s.getCitizenship());
        dims.put(CellDimension.PURPOSE.key(), s.getPurpose().name());
        dims.put(CellDimension.BORDER_POST.key(), s.getStartBorderPost());
        LocalDate latest = s.getLatestAuthorisedExit();
        if (closed) {
            boolean over = s.getOverstayDays() != null && s.getOverstayDays() > 0;
            dims.put(CellDimension.DEPARTURE.key(), over ? OUT_OF_COUNTRY : ON_TIME);
            dims.put(CellDimension.DAY.key(), CLOSED);
        } else {
            dims.put(CellDimension.DEPARTURE.key(), NO_EXIT);
            dims.put(CellDimension.DAY.key(), day(latest));
        }
        return Cells.of(OVERSTAY_RATES, latest, dims, 1, s.getAsOf());
    }

    /** A data-quality finding of the engine (§3): duplicates, orphan exits, broken spells, late records. */
    public static List<TableCell> of(QualityEvent q) {
        return List.of(quality(
                q.getCrossingDate(),
                q.getIssue().name(),
                Cells.NONE,
                q.getBorderPost(),
                q.getOccurrences(),
                q.getAsOf()));
    }

    /**
     * A rejected record: received once, and rejected once under each distinct reason code (§1). Dated by its
     * crossing date when crossed_at was valid, else by the day it was received in the reporting zone (§9), so a
     * backfill's rejections fall in the months they belong to; it does not move the clock.
     */
    public static List<TableCell> of(RejectedRecord r, ZoneId zone) {
        LocalDate day = r.getCrossingDate() != null
                ? r.getCrossingDate()
                : r.getRejectedAt().atZone(zone).toLocalDate();
        List<TableCell> cells = new ArrayList<>();
        cells.add(quality(day, "RECEIVED", Cells.NONE, r.getSubmitter(), 1, NO_CLOCK));
        Set<String> codes = new LinkedHashSet<>();
        for (FieldError e : r.getErrors()) {
            codes.add(e.getCode());
        }
        for (String code : codes) {
            cells.add(quality(day, "REJECTED", code, r.getSubmitter(), 1, NO_CLOCK));
        }
        return cells;
    }

    /** An accepted crossing as received (duplicates included); its date is the processing clock (§8). */
    public static List<TableCell> of(Crossing c) {
        return List.of(quality(c.getCrossingDate(), "RECEIVED", Cells.NONE, c.getBorderPost(), 1, c.getCrossingDate()));
    }

    private static TableCell quality(
            LocalDate day, String issue, String reason, String borderPost, double count, LocalDate asOf) {
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put(CellDimension.ISSUE.key(), issue);
        dims.put(CellDimension.REASON.key(), reason);
        dims.put(CellDimension.BORDER_POST.key(), borderPost);
        return Cells.of(QUALITY, day, dims, count, asOf);
    }
}
