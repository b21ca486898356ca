package org.borderflows.estimates;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.borderflows.domain.CrossingFact;
import org.borderflows.simulator.gen.PopulationGenerator;
import org.borderflows.simulator.gen.SimCrossing;
import org.borderflows.simulator.gen.SimTraveller;

/**
 * A long simulated history: the border simulator's travellers (real itineraries, its personas and seasons),
 * weighted by a {@link Mix}, with every crossing of the period from {@code from} to {@code to} as the stay engine
 * receives it (no data faults: the backtest measures the estimator, not the intake). Itineraries start a year
 * before the period, so the data begin mid-stay as a real service's do. Deterministic for a seed.
 */
final class History {
    record Settings(YearMonth from, YearMonth to, int travellers, long seed, Mix mix, ZoneId zone) {
        LocalDate start() {
            return from.atDay(1);
        }

        LocalDate end() {
            return to.atEndOfMonth();
        }
    }

    private History() {}

    /** Each traveller's crossings of the period, in date order; travellers with none are not drawn. */
    static List<List<CrossingFact>> travellers(Settings s) {
        LocalDate spanStart = s.from().minusMonths(12).atDay(1);
        PopulationGenerator population = new PopulationGenerator(s.seed(), spanStart, s.end(), s.zone());
        SplittableRandom accept =
                new SplittableRandom(s.seed() * 31 + s.mix().name().hashCode());
        double maxFactor = s.mix().maxFactor();
        double days = s.end().toEpochDay() - s.start().toEpochDay();
        List<List<CrossingFact>> out = new ArrayList<>(s.travellers());
        for (int number = 1; out.size() < s.travellers(); number++) {
            SimTraveller t = population.traveller(number);
            List<CrossingFact> facts = facts(t, s);
            double u = accept.nextDouble();
            if (facts.isEmpty()) {
                continue;
            }
            double when = (facts.get(0).date().toEpochDay() - s.start().toEpochDay()) / days;
            if (u * maxFactor < s.mix().factor(t.persona(), when)) {
                out.add(facts);
            }
        }
        return out;
    }

    private static List<CrossingFact> facts(SimTraveller t, Settings s) {
        List<CrossingFact> facts = new ArrayList<>();
        for (SimCrossing c : t.crossings()) {
            var crossedAt = c.crossedAt().atZone(s.zone()).plusMonths(s.mix().seasonShiftMonths());
            LocalDate date = crossedAt.toLocalDate();
            if (date.isBefore(s.start()) || date.isAfter(s.end())) {
                continue;
            }
            facts.add(new CrossingFact(
                    c.eventId(),
                    "sim-" + t.number(),
                    c.cardNumber(),
                    c.direction(),
                    crossedAt.toInstant(),
                    date,
                    c.borderPost(),
                    t.citizenship(),
                    t.sex(),
                    t.birthDate(),
                    c.purpose(),
                    c.intendedStayDays()));
        }
        facts.sort(Comparator.comparing(CrossingFact::crossedAt));
        return facts;
    }
}
