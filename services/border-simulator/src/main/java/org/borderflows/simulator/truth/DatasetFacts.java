package org.borderflows.simulator.truth;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.borderflows.simulator.gen.Card;
import org.borderflows.simulator.gen.SimTraveller;
import org.borderflows.simulator.rules.FrontierWorkers;
import org.borderflows.simulator.rules.Outcome;
import org.borderflows.simulator.rules.SpellState;
import org.borderflows.simulator.rules.TravellerRules;
import org.borderflows.simulator.rules.TruthSpell;
import org.borderflows.simulator.rules.Xing;

/**
 * The expected values of the RULES.md §9 datasets as facts (one per crossing, spell, outcome, ...), from the
 * real itineraries ({@code delivered = false}) or from what was delivered ({@code true}). Any table the query
 * service publishes is a sum of these facts over its dimensions ({@link #aggregate}).
 */
public final class DatasetFacts {
    public static final List<String> DATASETS = List.of(
            "crossings",
            "spells",
            "migration-12-16",
            "stock",
            "labour",
            "overstays",
            "overstay-rates",
            "border-workers",
            "quality");

    private DatasetFacts() {}

    /**
     * The query service's overstay-rates dataset (RULES.md §7, services/flow-query/README.md): a stay under the
     * regime is an expected departure in the month of its latest authorised exit, and counts in one of the four ways
     * it can stand at the clock: left on time, left late (out of country), no exit and past the date (in country), no
     * exit and not due.
     */
    private static void expectedDeparture(Sink facts, TruthSpell s, EnumMap<Dim, String> spell) {
        EnumMap<Dim, String> d = new EnumMap<>(spell);
        d.put(Dim.MONTH, YearMonth.from(s.latestAuthorisedExit()).toString());
        facts.add(Fact.of("overstay-rates", "expectedDepartures", d));
        String how = s.endDate() != null
                ? (s.overstayDays() != null && s.overstayDays() > 0 ? "outOfCountryOverstays" : "departedOnTime")
                : s.suspectedOverstay() ? "inCountryOverstays" : "inCountryNotDue";
        facts.add(Fact.of("overstay-rates", how, d));
    }

    /**
     * The query service's border-workers dataset (docs/rules.md §4a): the crossings of a frontier worker's spell,
     * each in its month at its border post, and the worker once a month, by the first such spell ending in it.
     */
    private static void borderWorker(
            Sink facts, SimTraveller t, TruthSpell s, Map<String, Xing> byId, FrontierWorkers.Mark mark) {
        Xing end = byId.get(s.endEventId());
        for (Xing x : List.of(byId.get(s.startEventId()), end)) {
            EnumMap<Dim, String> d = new EnumMap<>(Dim.class);
            d.put(Dim.MONTH, month(x.date()));
            d.put(Dim.KIND, s.stay() ? "STAY" : "ABSENCE");
            d.put(Dim.BORDER_POST, x.borderPost());
            d.put(Dim.CITIZENSHIP, t.citizenship());
            facts.add(Fact.of("border-workers", "crossings", d));
            if (x == end && mark.firstOfMonth()) {
                facts.add(Fact.of("border-workers", "workers", d));
            }
        }
    }

    public static List<Fact> of(GroundTruth truth, boolean delivered) {
        List<Fact> facts = new ArrayList<>();
        of(truth, delivered, facts::add);
        return facts;
    }

    /** Streams the facts to {@code sink} without holding them all (the 1-million-card truth has millions). */
    public static void of(GroundTruth truth, boolean delivered, java.util.function.Consumer<Fact> sink) {
        Sink facts = new Sink(sink);
        LocalDate clock = truth.clock();
        for (TravellerTruth tt : truth.travellers()) {
            TravellerRules.Result r = delivered ? tt.delivered() : tt.real();
            SimTraveller t = tt.traveller();
            String status = tt.resident() ? "RESIDENT" : "NON_RESIDENT";
            Map<String, Xing> byId = new java.util.HashMap<>();
            for (Xing x : r.accepted()) {
                byId.put(x.eventId(), x);
                facts.add(Fact.of("crossings", "count", person(t, x.date(), x, status)));
            }
            Map<String, FrontierWorkers.Mark> frontier = FrontierWorkers.of(r.spells());
            for (TruthSpell s : r.spells()) {
                if (s.state() == SpellState.BROKEN) {
                    continue;
                }
                EnumMap<Dim, String> d = person(t, s.startDate(), byId.get(s.startEventId()), status);
                d.put(Dim.KIND, s.stay() ? "STAY" : "ABSENCE");
                FrontierWorkers.Mark frontierWorker = frontier.get(s.startEventId());
                d.put(
                        Dim.DURATION_CLASS,
                        frontierWorker != null
                                ? "BORDER_WORKER"
                                : s.durationClass().name());
                if (frontierWorker != null) {
                    borderWorker(facts, t, s, byId, frontierWorker);
                }
                d.put(Dim.FINAL, String.valueOf(s.classFinal()));
                d.put(Dim.LABOUR, String.valueOf(s.labour()));
                facts.add(Fact.of("spells", "count", d));
                if (s.labour()) {
                    EnumMap<Dim, String> l = new EnumMap<>(d);
                    l.put(Dim.FLOW, s.stay() ? "IN" : "OUT");
                    facts.add(Fact.of("labour", "count", l));
                    if (s.endDate() != null) { // a labour emigrant's return, a labour migrant's departure
                        EnumMap<Dim, String> back = new EnumMap<>(d);
                        back.put(Dim.FLOW, s.stay() ? "DEPARTURE" : "RETURN");
                        back.put(Dim.MONTH, YearMonth.from(s.endDate()).toString());
                        facts.add(Fact.of("labour", "count", back));
                    }
                }
                if (s.stay() && (s.overstayDays() != null && s.overstayDays() > 0 || s.suspectedOverstay())) {
                    EnumMap<Dim, String> o = new EnumMap<>(d);
                    // the query service's overstays dataset: an overstay at exit in the month of the exit, a suspected
                    // in-country overstay in the month it began (services/flow-query/README.md)
                    o.put(
                            Dim.MONTH,
                            YearMonth.from(
                                            s.suspectedOverstay() || s.endDate() == null
                                                    ? s.latestAuthorisedExit().plusDays(1)
                                                    : s.endDate())
                                    .toString());
                    o.put(Dim.FLOW, s.suspectedOverstay() ? "IN_COUNTRY" : "AT_EXIT");
                    facts.add(Fact.of("overstays", "count", o));
                }
                if (s.stay() && s.latestAuthorisedExit() != null) {
                    expectedDeparture(facts, s, d);
                }
                if (s.stay()) {
                    stock(facts, truth, t, s, byId.get(s.startEventId()), status, clock);
                }
            }
            for (Outcome o : r.outcomes()) {
                Xing x = byId.get(o.eventId());
                EnumMap<Dim, String> d =
                        person(t, o.crossingDate(), x, o.residentBefore() ? "RESIDENT" : "NON_RESIDENT");
                if (o.longTermMigration()) {
                    facts.add(Fact.of("migration-12-16", o.provisional(clock) ? "provisionalCount" : "finalCount", d));
                }
                if (Boolean.TRUE.equals(tt.eventualLongTerm().get(o.eventId()))) {
                    facts.add(Fact.of("migration-12-16", "eventualCount", d));
                }
            }
            for (LocalDate orphan : r.orphanExitDates()) {
                facts.add(Fact.of("quality", "count", Map.of(Dim.MONTH, month(orphan), Dim.ISSUE, "ORPHAN_EXIT")));
            }
            for (TruthSpell s : r.spells()) {
                if (s.state() == SpellState.BROKEN) {
                    facts.add(Fact.of(
                            "quality", "count", Map.of(Dim.MONTH, month(s.startDate()), Dim.ISSUE, "BROKEN_SPELL")));
                }
            }
        }
        if (delivered) {
            java.util.Set<String> lateEvents = new java.util.HashSet<>();
            for (Card c : truth.world().cards()) {
                String m = c.crossedAt().length() >= 7 ? c.crossedAt().substring(0, 7) : "UNKNOWN";
                facts.add(Fact.of("quality", "count", Map.of(Dim.MONTH, m, Dim.ISSUE, "RECEIVED")));
                String issue =
                        switch (c.fault()) {
                            case INVALID -> "REJECTED";
                            case DUPLICATE -> "DUPLICATE";
                            case LATE -> lateEvents.add(c.eventId()) ? "LATE" : null; // once per event id
                            default -> null;
                        };
                if (issue != null) {
                    facts.add(Fact.of("quality", "count", Map.of(Dim.MONTH, m, Dim.ISSUE, issue)));
                }
            }
        }
    }

    /** Adapts a consumer to the {@code add} calls below. */
    private record Sink(java.util.function.Consumer<Fact> consumer) {
        void add(Fact f) {
            consumer.accept(f);
        }
    }

    /** Non-residents present at the end of each month (RULES.md §9 stock), up to the clock. */
    private static void stock(
            Sink facts, GroundTruth truth, SimTraveller t, TruthSpell s, Xing start, String status, LocalDate clock) {
        YearMonth m = YearMonth.from(s.startDate());
        YearMonth last = YearMonth.from(clock);
        for (; !m.isAfter(last); m = m.plusMonths(1)) {
            LocalDate end = m.atEndOfMonth().isAfter(clock) ? clock : m.atEndOfMonth();
            if (s.endDate() != null && !s.endDate().isAfter(end)) {
                break;
            }
            EnumMap<Dim, String> d = person(t, s.startDate(), start, status);
            d.put(Dim.MONTH, m.toString());
            facts.add(Fact.of("stock", "count", d));
        }
    }

    private static EnumMap<Dim, String> person(SimTraveller t, LocalDate on, Xing x, String status) {
        EnumMap<Dim, String> d = new EnumMap<>(Dim.class);
        d.put(Dim.MONTH, month(on));
        d.put(Dim.RESIDENCE_STATUS, status);
        d.put(Dim.CITIZENSHIP, t.citizenship());
        d.put(Dim.SEX, t.sex().name());
        d.put(Dim.AGE_GROUP, TravellerRules.ageGroup(t.birthDate(), on));
        if (x != null) {
            d.put(Dim.BORDER_POST, x.borderPost());
            d.put(Dim.DIRECTION, x.direction().name());
            d.put(Dim.PURPOSE, x.purpose().name());
        }
        return d;
    }

    private static String month(LocalDate d) {
        return YearMonth.from(d).toString();
    }

    /**
     * Sums the facts of one dataset and measure by the given dimensions, keeping only facts whose dimension
     * values are in {@code filter} (dimension → allowed values) and whose month is within [from, to].
     */
    public static Map<List<String>, Double> aggregate(
            List<Fact> facts,
            String dataset,
            String measure,
            List<Dim> by,
            Map<Dim, Set<String>> filter,
            YearMonth from,
            YearMonth to) {
        Map<List<String>, Double> out = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
        for (Fact f : facts) {
            if (!f.dataset().equals(dataset) || !f.measure().equals(measure)) {
                continue;
            }
            String month = f.dims().get(Dim.MONTH);
            if (from != null && month != null) {
                YearMonth ym = parseMonth(month);
                if (ym == null || ym.isBefore(from) || ym.isAfter(to)) {
                    continue; // includes cards whose crossed_at month is itself invalid (2025-13)
                }
            }
            boolean keep = true;
            for (Map.Entry<Dim, Set<String>> e : filter.entrySet()) {
                if (!e.getValue().contains(f.dims().get(e.getKey()))) {
                    keep = false;
                    break;
                }
            }
            if (!keep) {
                continue;
            }
            List<String> key = new ArrayList<>(by.size());
            for (Dim d : by) {
                key.add(String.valueOf(f.dims().get(d)));
            }
            out.merge(key, f.value(), Double::sum);
        }
        return out;
    }

    private static YearMonth parseMonth(String month) {
        try {
            return YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** Each dataset's facts summed over every dimension they carry: the finest expected cells. */
    public static Map<String, Map<String, Double>> finestCells(GroundTruth truth, boolean delivered) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        of(truth, delivered, f -> {
            StringBuilder key = new StringBuilder();
            for (Dim d : Dim.values()) {
                key.append(f.dims().getOrDefault(d, "")).append(',');
            }
            key.append(f.measure());
            out.computeIfAbsent(f.dataset(), k -> new java.util.HashMap<>())
                    .merge(key.toString(), f.value(), Double::sum);
        });
        out.replaceAll((k, v) -> new TreeMap<>(v));
        return out;
    }
}
