package org.borderflows.query.topology;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.DurationClass;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.RejectedRecord;
import org.borderflows.schema.Spell;
import org.borderflows.schema.SpellState;
import org.borderflows.schema.TableCell;

/**
 * What one engine value contributes to the tables of RULES.md §9: the cells of every dataset, each made by the
 * dataset's own {@link Contribution} (part of its definition, {@code tables.Datasets}) and stamped with its name.
 * Also the values of cell dimensions that both the contributions and the query side read.
 */
public final class Contributions {
    /** Cells written for a value that carries no processing clock (e.g. a rejection stamped with wall time). */
    public static final LocalDate NO_CLOCK = LocalDate.EPOCH;

    /** A day or start-day dimension of a closed spell (nothing left to derive at the clock), or no time back. */
    public static final String CLOSED = "-";

    /**
     * The spells' class of a closed spell of a frontier worker (docs/rules.md §4a), counted apart from its duration
     * class so that daily commutes do not swamp VISIT.
     */
    public static final String BORDER_WORKER_CLASS = "BORDER_WORKER";

    private final Map<String, Contribution> byDataset;

    /** The contributions of the datasets by name, in the catalogue's order. */
    public Contributions(Map<String, Contribution> byDataset) {
        this.byDataset = new LinkedHashMap<>(byDataset);
    }

    public List<TableCell> of(CrossingOutcome o) {
        return cells((c, sink) -> c.outcome(o, sink));
    }

    public List<TableCell> of(Spell s) {
        return cells((c, sink) -> c.spell(s, sink));
    }

    public List<TableCell> of(QualityEvent q) {
        return cells((c, sink) -> c.finding(q, sink));
    }

    public List<TableCell> of(RejectedRecord r, ZoneId zone) {
        return cells((c, sink) -> c.rejected(r, zone, sink));
    }

    public List<TableCell> of(Crossing c) {
        return cells((contribution, sink) -> contribution.received(c, sink));
    }

    private List<TableCell> cells(BiConsumer<Contribution, Contribution.Sink> call) {
        List<TableCell> cells = new ArrayList<>();
        byDataset.forEach((dataset, contribution) -> call.accept(
                contribution, (month, dims, count, asOf) -> cells.add(Cells.of(dataset, month, dims, count, asOf))));
        return cells;
    }

    /** The day of the month, two digits. */
    static String day(LocalDate date) {
        int d = date.getDayOfMonth();
        return d < 10 ? "0" + d : String.valueOf(d);
    }

    /** A broken spell has no duration: it is counted as a data-quality figure from the engine's finding (§3). */
    static boolean counted(Spell s) {
        return s.getState() != SpellState.BROKEN;
    }

    /** A spell with an end: its class, labour flag and overstay are facts; an open one's depend on the clock. */
    static boolean closed(Spell s) {
        return s.getState() == SpellState.CLOSED && s.getEndDate() != null;
    }

    /** The class a spell is counted in (§4): PENDING while open, BORDER_WORKER apart from the duration classes. */
    static String durationClass(Spell s) {
        if (!closed(s)) {
            return DurationClass.PENDING.name();
        }
        return s.getBorderWorker() ? BORDER_WORKER_CLASS : s.getDurationClass().name();
    }

    /** An open spell's start day, from which the query derives its class at the clock; CLOSED once it has ended. */
    static String startDay(Spell s) {
        return closed(s) ? CLOSED : day(s.getStartDate());
    }

    /** The person's dimensions of a spell: citizenship, sex, age group. */
    static Map<String, String> person(Spell s) {
        Map<String, String> person = new LinkedHashMap<>();
        person.put(CellDimension.CITIZENSHIP.key(), s.getCitizenship());
        person.put(CellDimension.SEX.key(), s.getSex().name());
        person.put(CellDimension.AGE_GROUP.key(), s.getAgeGroup());
        return person;
    }

    /** The dimensions of a stay that the stock and the overstay datasets share: the person, entry post, purpose. */
    static Map<String, String> stay(Spell s) {
        Map<String, String> dims = person(s);
        dims.put(CellDimension.BORDER_POST.key(), s.getStartBorderPost());
        dims.put(CellDimension.PURPOSE.key(), s.getPurpose().name());
        return dims;
    }

    /** The dimensions of a crossing's outcome that the crossings and 12/16 datasets share. */
    static Map<String, String> crossing(CrossingOutcome o) {
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put(CellDimension.BORDER_POST.key(), o.getBorderPost());
        dims.put(CellDimension.DIRECTION.key(), o.getDirection().name());
        dims.put(CellDimension.RESIDENCE_STATUS.key(), o.getStatusBefore().name());
        dims.put(CellDimension.CITIZENSHIP.key(), o.getCitizenship());
        dims.put(CellDimension.SEX.key(), o.getSex().name());
        dims.put(CellDimension.AGE_GROUP.key(), o.getAgeGroup());
        dims.put(CellDimension.PURPOSE.key(), o.getPurpose().name());
        return dims;
    }
}
