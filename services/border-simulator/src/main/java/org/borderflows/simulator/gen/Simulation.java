package org.borderflows.simulator.gen;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.borderflows.schema.Direction;

/**
 * A simulated world: the travellers with their real itineraries, the cards sent for the crossings of the chosen
 * period in delivery order (with the injected faults), and the fate of every crossing. Deterministic for a seed.
 */
public final class Simulation {
    /** The re-ordering horizon (days), the engine's default. */
    public static final int HORIZON_DAYS = 30;

    public static final DateTimeFormatter CROSSED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final String[][] INVALID_FIELDS = {
        {"birth_date", "1990-02-30"},
        {"sex", "Q"},
        {"citizenship", "K4Z"},
        {"direction", "SIDEWAYS"},
        {"border_post", ""},
        {"purpose", "HOLIDAY"},
        {"intended_stay_days", "9999"},
        {"document_country", "12"},
        {"crossed_at", "2025-13-45T25:00:00+05:00"},
    };

    /** What happened to one real crossing of the period on its way to the system. */
    public record Fate(Fault fault, String detail, boolean duplicated) {}

    public record Settings(
            YearMonth from, YearMonth to, int travellers, long cards, long seed, FaultRates rates, ZoneId zone) {
        public Settings {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("--to must not be before --from");
            }
            if ((travellers <= 0) == (cards <= 0)) {
                throw new IllegalArgumentException("give exactly one of --travellers or --cards");
            }
        }

        public LocalDate windowStart() {
            return from.atDay(1);
        }

        public LocalDate windowEnd() {
            return to.atEndOfMonth();
        }

        public LocalDate spanStart() {
            return from.minusMonths(12).atDay(1);
        }

        public LocalDate spanEnd() {
            return to.plusMonths(16).atEndOfMonth();
        }
    }

    public record World(Settings settings, List<SimTraveller> travellers, List<Card> cards, Map<String, Fate> fates) {
        public boolean inWindow(SimCrossing c) {
            LocalDate d = c.crossedAt().atZone(settings.zone()).toLocalDate();
            return !d.isBefore(settings.windowStart()) && !d.isAfter(settings.windowEnd());
        }

        public LocalDate date(SimCrossing c) {
            return c.crossedAt().atZone(settings.zone()).toLocalDate();
        }
    }

    private Simulation() {}

    public static World run(Settings s) {
        PopulationGenerator population = new PopulationGenerator(s.seed(), s.spanStart(), s.spanEnd(), s.zone());
        List<SimTraveller> travellers = new ArrayList<>();
        long inWindowCrossings = 0;
        for (int number = 1; ; number++) {
            if (s.travellers() > 0 && travellers.size() >= s.travellers()) {
                break;
            }
            if (s.cards() > 0 && inWindowCrossings >= s.cards()) {
                break;
            }
            SimTraveller t = population.traveller(number);
            long inWindow = 0;
            for (SimCrossing c : t.crossings()) {
                LocalDate d = c.crossedAt().atZone(s.zone()).toLocalDate();
                if (!d.isBefore(s.windowStart()) && !d.isAfter(s.windowEnd())) {
                    inWindow++;
                }
            }
            if (inWindow > 0) {
                travellers.add(t);
                inWindowCrossings += inWindow;
            }
        }
        return deliver(s, travellers);
    }

    /** Turns the period's crossings into cards, injecting the faults, and orders them by delivery time. */
    static World deliver(Settings s, List<SimTraveller> travellers) {
        SplittableRandom rnd = new SplittableRandom(PopulationGenerator.mix(s.seed(), -1));
        FaultRates r = s.rates();
        Instant windowEndInstant =
                s.windowEnd().plusDays(1).atStartOfDay(s.zone()).toInstant();
        List<Card> cards = new ArrayList<>();
        Map<String, Fate> fates = new HashMap<>();
        World world = new World(s, travellers, cards, fates);
        for (SimTraveller t : travellers) {
            for (SimCrossing c : t.crossings()) {
                if (!world.inWindow(c)) {
                    continue;
                }
                Card card = card(t, c, s.zone());
                long crossed = c.crossedAt().toEpochMilli();
                long deliverAt = crossed + rnd.nextLong(600_000);
                Fault fault = Fault.NONE;
                String detail = "";
                double x = rnd.nextDouble();
                long daysToEnd = (windowEndInstant.toEpochMilli() - crossed) / 86_400_000L;
                if (c.direction() == Direction.EXIT && x < r.lostExit()) {
                    fates.put(c.eventId(), new Fate(Fault.LOST_EXIT, "", false));
                    continue;
                }
                x = rnd.nextDouble();
                if (x < r.invalid()) {
                    String[] bad = INVALID_FIELDS[rnd.nextInt(INVALID_FIELDS.length)];
                    card = card.withField(bad[0], bad[1]);
                    fault = Fault.INVALID;
                    detail = bad[0];
                } else if (x < r.invalid() + r.late()) {
                    if (daysToEnd >= 36) { // too close to the end to arrive beyond the horizon: left on time
                        long delayDays = 35 + rnd.nextLong(Math.min(150, daysToEnd - 35));
                        deliverAt = crossed + delayDays * 86_400_000L;
                        fault = Fault.LATE;
                        detail = delayDays + "d";
                    }
                } else if (x < r.invalid() + r.late() + r.reordered()) {
                    long delayMinutes = 24 * 60 + rnd.nextLong(24 * 24 * 60);
                    deliverAt = crossed + delayMinutes * 60_000L;
                    fault = Fault.REORDERED;
                    detail = (delayMinutes / 60) + "h";
                }
                boolean duplicated = fault != Fault.INVALID && rnd.nextDouble() < r.duplicate();
                cards.add(card.delivered(deliverAt, false, fault, detail));
                if (duplicated) {
                    long copyAt = deliverAt + 60_000L + rnd.nextLong(2 * 86_400_000L);
                    cards.add(card.delivered(copyAt, true, Fault.DUPLICATE, ""));
                }
                fates.put(c.eventId(), new Fate(fault, detail, duplicated));
            }
        }
        cards.sort(Comparator.comparingLong(Card::deliverAtMillis)
                .thenComparing(Card::eventId)
                .thenComparing(Card::duplicateCopy));
        judgeLateness(world);
        return world;
    }

    /**
     * Issue 4: a record is late when it "arrives after later crossings of the same traveller" beyond the horizon,
     * i.e. when its crossing date is more than {@link #HORIZON_DAYS} days before the latest crossing date of the
     * same traveller among the records delivered before it (rejected records never count; late ones cannot raise
     * that date). A traveller's first record, or one newer than its others, is never late, however long after the
     * crossing it comes, and no reading of the whole file's order is involved. A card delayed by the LATE fault
     * (35-185 days) that is not late for its traveller is re-labelled REORDERED (detail {@code <n>d in horizon}):
     * it must not change any result. A duplicate copy that comes late is re-labelled LATE: the engine sets it aside
     * with a LATE finding keyed by its event id (one per event id with a late original), not as a duplicate. Re-ordered cards (1-25 days) and on-time
     * cards can never be late; the method checks it.
     */
    static void judgeLateness(World world) {
        ZoneId zone = world.settings().zone();
        Map<Integer, LocalDate> latest = new HashMap<>();
        List<Card> cards = world.cards();
        for (int i = 0; i < cards.size(); i++) {
            Card c = cards.get(i);
            if (c.fault() == Fault.INVALID) {
                continue; // rejected at intake: never reaches a traveller
            }
            LocalDate date = java.time.OffsetDateTime.parse(c.crossedAt())
                    .atZoneSameInstant(zone)
                    .toLocalDate();
            LocalDate seen = latest.get(c.travellerNumber());
            boolean late = seen != null && date.isBefore(seen.minusDays(HORIZON_DAYS));
            if (c.duplicateCopy()) {
                if (late) { // set aside as late, not counted as a duplicate (one LATE finding per event id)
                    cards.set(i, c.delivered(c.deliverAtMillis(), true, Fault.LATE, "copy"));
                }
            } else if (c.fault() == Fault.LATE && !late) {
                String detail = c.faultDetail() + " in horizon";
                cards.set(i, c.delivered(c.deliverAtMillis(), false, Fault.REORDERED, detail));
                Fate f = world.fates().get(c.eventId());
                world.fates().put(c.eventId(), new Fate(Fault.REORDERED, detail, f.duplicated()));
            } else if (late && c.fault() != Fault.LATE) {
                throw new IllegalStateException("card " + c.eventId() + " (" + c.fault() + ") would be late");
            }
            if (!late && (seen == null || date.isAfter(seen))) {
                latest.put(c.travellerNumber(), date);
            }
        }
    }

    static Card card(SimTraveller t, SimCrossing c, ZoneId zone) {
        // A few cards write the document number with a dash; it normalises to the same traveller (RULES.md §2).
        boolean variant = (c.eventId().hashCode() & 0xff) < 13;
        return new Card(
                c.eventId(),
                c.cardNumber(),
                c.direction().name(),
                CROSSED_AT.format(c.crossedAt().atZone(zone)),
                c.borderPost(),
                t.documentCountry(),
                variant ? t.documentNumberVariant() : t.documentNumber(),
                t.birthDate().toString(),
                t.sex().name(),
                t.citizenship(),
                c.purpose().name(),
                c.intendedStayDays(),
                c.transport() == null ? null : c.transport().name(),
                t.number(),
                0,
                false,
                Fault.NONE,
                "");
    }
}
