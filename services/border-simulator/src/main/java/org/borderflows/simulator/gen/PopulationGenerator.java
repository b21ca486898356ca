package org.borderflows.simulator.gen;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.Sex;
import org.borderflows.schema.Transport;

/**
 * Draws travellers and their real itineraries. Each traveller comes from its own random stream, derived from
 * the seed and the traveller's number, so traveller 1234 is the same whatever the population size and the
 * output is identical for a seed.
 *
 * <p>The itineraries follow the seasons of Central Asian traffic: tourists mostly in summer and at New Year,
 * seasonal workers arriving in spring and leaving before winter, students in late August, nationals working
 * abroad for months at a time.
 *
 * <p>Longer than most classes here because it is the catalogue of personas, one itinerary method each, side by side
 * so their shares and seasons can be compared and tuned together.
 */
public final class PopulationGenerator {
    static final String REPORTING = "KAZ";
    private static final double[] TOURIST_SEASON = {0.6, 0.6, 0.8, 1.0, 1.2, 1.6, 2.0, 2.0, 1.4, 1.0, 0.7, 1.2};
    private static final double[] BUSINESS_SEASON = {0.8, 1.1, 1.2, 1.2, 1.1, 1.0, 0.8, 0.6, 1.2, 1.3, 1.2, 0.9};
    private static final double[] FLAT = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

    private final long seed;
    private final LocalDate spanStart;
    private final LocalDate spanEnd;
    private final ZoneId zone;
    private final double totalWeight;

    /**
     * @param spanStart first day of real itineraries (a year before the emitted period)
     * @param spanEnd last day of real itineraries (16 months after it)
     */
    public PopulationGenerator(long seed, LocalDate spanStart, LocalDate spanEnd, ZoneId zone) {
        this.seed = seed;
        this.spanStart = spanStart;
        this.spanEnd = spanEnd;
        this.zone = zone;
        double w = 0;
        for (Persona p : Persona.values()) {
            w += p.weight();
        }
        this.totalWeight = w;
    }

    public SimTraveller traveller(int number) {
        SplittableRandom rnd = new SplittableRandom(mix(seed, number));
        Persona persona = pickPersona(rnd.nextDouble() * totalWeight);
        String citizenship = citizenship(persona, rnd);
        Sex sex = sex(persona, rnd);
        int age = age(persona, rnd);
        LocalDate birth = spanStart.minusYears(age).minusDays(rnd.nextInt(365));
        String doc = documentNumber(citizenship, rnd);
        String variant = doc.substring(0, 2) + "-" + doc.substring(2);
        Itinerary it = new Itinerary(number, rnd);
        switch (persona) {
            case TOURIST -> visits(it, rnd, 1 + rnd.nextInt(3), Purpose.TOURISM, 3, 21, TOURIST_SEASON, citizenship);
            case BUSINESS_VISITOR ->
                visits(it, rnd, 2 + rnd.nextInt(7), Purpose.BUSINESS, 1, 10, BUSINESS_SEASON, citizenship);
            case FAMILY_VISITOR ->
                visits(it, rnd, 1 + rnd.nextInt(3), Purpose.PRIVATE, 7, 75, TOURIST_SEASON, citizenship);
            case TRANSIT_PASSENGER -> visits(it, rnd, 1 + rnd.nextInt(2), Purpose.TRANSIT, 0, 2, FLAT, citizenship);
            case OVERSTAYER -> overstayer(it, rnd, citizenship);
            case STUDENT -> student(it, rnd, citizenship);
            case SEASONAL_WORKER -> seasonal(it, rnd, citizenship);
            case LABOUR_MIGRANT -> labourMigrant(it, rnd, citizenship);
            case FRONTIER_WORKER -> frontier(it, rnd, citizenship);
            case NATIONAL_TRAVELLER -> nationalTrips(it, rnd);
            case NATIONAL_LABOUR_EMIGRANT -> nationalEmigrant(it, rnd);
        }
        return new SimTraveller(number, persona, citizenship, citizenship, doc, variant, birth, sex, it.crossings);
    }

    // ---- personas -------------------------------------------------------------------------------------------

    private void visits(
            Itinerary it,
            SplittableRandom rnd,
            int trips,
            Purpose purpose,
            int minDays,
            int maxDays,
            double[] season,
            String citizenship) {
        for (LocalDate start : sortedStarts(rnd, trips, season)) {
            int days = minDays + rnd.nextInt(maxDays - minDays + 1);
            it.trip(start, days, purpose, transport(citizenship, rnd), citizenship, Direction.ENTRY);
        }
    }

    /** A visa-free visitor who stays beyond 90 days in 180, and sometimes never leaves. */
    private void overstayer(Itinerary it, SplittableRandom rnd, String citizenship) {
        LocalDate start = seasonalDate(rnd, TOURIST_SEASON);
        int days = rnd.nextDouble() < 0.3 ? Integer.MAX_VALUE : 95 + rnd.nextInt(110);
        Purpose purpose = rnd.nextBoolean() ? Purpose.TOURISM : Purpose.PRIVATE;
        it.trip(start, days, purpose, transport(citizenship, rnd), citizenship, Direction.ENTRY);
    }

    /** Academic years: arrive late August, often home for the winter break, leave in June. */
    private void student(Itinerary it, SplittableRandom rnd, String citizenship) {
        int firstYear = spanStart.getYear() + rnd.nextInt(2);
        int years = 1 + rnd.nextInt(4);
        for (int y = firstYear; y < firstYear + years; y++) {
            LocalDate arrive = LocalDate.of(y, 8, 18).plusDays(rnd.nextInt(20));
            LocalDate leave = LocalDate.of(y + 1, 6, 5).plusDays(rnd.nextInt(30));
            Transport t = transport(citizenship, rnd);
            if (rnd.nextDouble() < 0.5) {
                LocalDate breakOut = LocalDate.of(y, 12, 24).plusDays(rnd.nextInt(10));
                int breakDays = 12 + rnd.nextInt(20);
                it.trip(arrive, days(arrive, breakOut), Purpose.STUDY, t, citizenship, Direction.ENTRY);
                LocalDate back = breakOut.plusDays(breakDays);
                it.trip(back, days(back, leave), Purpose.STUDY, t, citizenship, Direction.ENTRY);
            } else {
                it.trip(arrive, days(arrive, leave), Purpose.STUDY, t, citizenship, Direction.ENTRY);
            }
        }
    }

    /** Arrive between March and May, work the season, leave before winter; most come back the next year. */
    private void seasonal(Itinerary it, SplittableRandom rnd, String citizenship) {
        for (int y = spanStart.getYear(); y <= spanEnd.getYear(); y++) {
            if (rnd.nextDouble() < 0.25) {
                continue;
            }
            LocalDate arrive = LocalDate.of(y, 3, 1).plusDays(rnd.nextInt(90));
            int days = 120 + rnd.nextInt(130);
            it.trip(arrive, days, Purpose.WORK, transport(citizenship, rnd), citizenship, Direction.ENTRY);
        }
    }

    /** Comes once for years of work, with a trip home every 6 to 14 months. */
    private void labourMigrant(Itinerary it, SplittableRandom rnd, String citizenship) {
        LocalDate at = spanStart.plusDays(rnd.nextInt(Math.max(1, days(spanStart, spanEnd) - 200)));
        LocalDate stayEnd = at.plusDays(400 + rnd.nextInt(700));
        Transport t = transport(citizenship, rnd);
        while (at.isBefore(stayEnd)) {
            int inDays = 180 + rnd.nextInt(250);
            LocalDate out = at.plusDays(inDays);
            boolean last = !out.isBefore(stayEnd);
            it.trip(at, inDays, Purpose.WORK, t, citizenship, Direction.ENTRY);
            if (last) {
                break;
            }
            at = out.plusDays(15 + rnd.nextInt(35));
        }
    }

    /**
     * Crosses in the morning and back in the evening on most working days of a job lasting months. On about 2% of
     * those days the worker turns back at the post: the exit is stamped at the entry's minute, a same-instant pair
     * that RULES.md §3 "Order" puts entry first. The share is taken from the evening draw, so the random stream,
     * and every other crossing, stays as it is.
     */
    private void frontier(Itinerary it, SplittableRandom rnd, String citizenship) {
        LocalDate from = spanStart.plusDays(rnd.nextInt(Math.max(1, days(spanStart, spanEnd) - 90)));
        LocalDate to = from.plusDays(90 + rnd.nextInt(640));
        String post = "KGZ".equals(citizenship) ? "KZ-ZHB-ROAD" : "KZ-ZHT-ROAD";
        for (LocalDate d = from; !d.isAfter(to) && !d.isAfter(spanEnd); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            if (rnd.nextDouble() < 0.8) {
                int in = 6 * 60 + 30 + rnd.nextInt(150);
                it.add(Direction.ENTRY, at(d, in), post, Purpose.WORK, 0, Transport.ROAD, null);
                int evening = rnd.nextInt(150);
                int out = evening < 3 ? in : 17 * 60 + evening;
                it.add(Direction.EXIT, at(d, out), post, Purpose.WORK, 0, Transport.ROAD, null);
            }
        }
    }

    /** Nationals travelling abroad for holidays, business or family, back within weeks. */
    private void nationalTrips(Itinerary it, SplittableRandom rnd) {
        int trips = 1 + rnd.nextInt(5);
        for (LocalDate start : sortedStarts(rnd, trips, TOURIST_SEASON)) {
            double r = rnd.nextDouble();
            Purpose p = r < 0.6 ? Purpose.TOURISM : r < 0.8 ? Purpose.PRIVATE : Purpose.BUSINESS;
            it.trip(start, 3 + rnd.nextInt(25), p, air(rnd), "KAZ", Direction.EXIT);
        }
    }

    /** Nationals working abroad (mostly Russia and Korea) for 4 to 18 months, home for a few months between. */
    private void nationalEmigrant(Itinerary it, SplittableRandom rnd) {
        LocalDate at = spanStart.plusDays(rnd.nextInt(300));
        while (at.isBefore(spanEnd)) {
            int away = 120 + rnd.nextInt(420);
            Transport t = rnd.nextDouble() < 0.5 ? Transport.RAIL : Transport.AIR;
            it.trip(at, away, Purpose.WORK, t, "RUS", Direction.EXIT);
            at = at.plusDays(away + 30 + rnd.nextInt(120));
        }
    }

    // ---- itinerary building ---------------------------------------------------------------------------------

    /** Crossings of one traveller in time order; trips that would overlap the previous one are skipped. */
    private final class Itinerary {
        final int number;
        final SplittableRandom rnd;
        final List<SimCrossing> crossings = new ArrayList<>();
        int trips;

        Itinerary(int number, SplittableRandom rnd) {
            this.number = number;
            this.rnd = rnd;
        }

        /**
         * A trip starting in {@code first} direction on {@code start}, lasting {@code days} (MAX_VALUE: no
         * return within the span). Non-nationals enter then leave; nationals leave then return.
         */
        void trip(LocalDate start, int days, Purpose purpose, Transport t, String country, Direction first) {
            if (start.isAfter(spanEnd)) {
                return;
            }
            if (!crossings.isEmpty()) {
                LocalDate lastDay = crossings
                        .get(crossings.size() - 1)
                        .crossedAt()
                        .atZone(zone)
                        .toLocalDate();
                if (!start.isAfter(lastDay)) {
                    return; // would overlap the previous trip
                }
            }
            trips++;
            String card = String.format("KZ%07d%03d", number % 10_000_000, trips % 1000);
            String post = post(t, country, rnd);
            int startMinute = days == 0 ? 6 * 60 + rnd.nextInt(300) : 6 * 60 + rnd.nextInt(17 * 60);
            Integer intended = rnd.nextDouble() < 0.1 ? null : Math.min(3650, days == Integer.MAX_VALUE ? 30 : days);
            add(first, at(start, startMinute), post, purpose, intended, t, card);
            if (days == Integer.MAX_VALUE) {
                return;
            }
            LocalDate end = start.plusDays(days);
            if (end.isAfter(spanEnd)) {
                return;
            }
            int endMinute = days == 0 ? startMinute + 60 + rnd.nextInt(400) : 6 * 60 + rnd.nextInt(17 * 60);
            Direction back = first == Direction.ENTRY ? Direction.EXIT : Direction.ENTRY;
            String backPost = rnd.nextDouble() < 0.85 ? post : post(t, country, rnd);
            add(back, at(end, endMinute), backPost, purpose, intended, t, card);
        }

        void add(Direction d, Instant when, String post, Purpose p, Integer intended, Transport t, String card) {
            String eventId = new java.util.UUID(rnd.nextLong(), rnd.nextLong()).toString();
            crossings.add(new SimCrossing(crossings.size(), eventId, d, when, post, p, intended, t, card));
        }
    }

    // ---- draws ----------------------------------------------------------------------------------------------

    private Persona pickPersona(double x) {
        for (Persona p : Persona.values()) {
            x -= p.weight();
            if (x < 0) {
                return p;
            }
        }
        return Persona.TOURIST;
    }

    private static String citizenship(Persona p, SplittableRandom rnd) {
        String[] pool =
                switch (p) {
                    case TOURIST -> new String[] {"CHN", "RUS", "TUR", "DEU", "KOR", "USA", "IND", "UZB", "KGZ", "GBR"};
                    case BUSINESS_VISITOR -> new String[] {"RUS", "CHN", "TUR", "DEU", "USA", "KOR", "GBR"};
                    case FAMILY_VISITOR -> new String[] {"RUS", "UZB", "KGZ", "TJK", "RUS", "UZB"};
                    case TRANSIT_PASSENGER -> new String[] {"CHN", "RUS", "TUR", "DEU", "IND", "UZB"};
                    case OVERSTAYER -> new String[] {"TUR", "DEU", "USA", "KOR", "GBR", "IND"};
                    case STUDENT -> new String[] {"CHN", "RUS", "TJK", "UZB", "KGZ", "IND", "TKM"};
                    case SEASONAL_WORKER -> new String[] {"UZB", "UZB", "TJK", "TJK", "KGZ"};
                    case LABOUR_MIGRANT -> new String[] {"UZB", "TJK", "KGZ", "RUS", "CHN", "TUR", "UZB"};
                    case FRONTIER_WORKER -> new String[] {"KGZ", "UZB"};
                    case NATIONAL_TRAVELLER, NATIONAL_LABOUR_EMIGRANT -> new String[] {REPORTING};
                };
        return pool[rnd.nextInt(pool.length)];
    }

    private static Sex sex(Persona p, SplittableRandom rnd) {
        double male =
                switch (p) {
                    case SEASONAL_WORKER, FRONTIER_WORKER -> 0.85;
                    case LABOUR_MIGRANT, NATIONAL_LABOUR_EMIGRANT -> 0.75;
                    case BUSINESS_VISITOR -> 0.7;
                    default -> 0.48;
                };
        double r = rnd.nextDouble();
        return r < 0.002 ? Sex.X : r < male ? Sex.M : Sex.F;
    }

    /** Age at the start of the span, as a sum of uniforms (bell-shaped) inside the persona's range. */
    private static int age(Persona p, SplittableRandom rnd) {
        int[] range =
                switch (p) {
                    case STUDENT -> new int[] {17, 27};
                    case SEASONAL_WORKER, FRONTIER_WORKER -> new int[] {18, 55};
                    case LABOUR_MIGRANT, NATIONAL_LABOUR_EMIGRANT -> new int[] {19, 50};
                    case BUSINESS_VISITOR -> new int[] {24, 66};
                    case TOURIST, FAMILY_VISITOR, NATIONAL_TRAVELLER -> new int[] {0, 88};
                    default -> new int[] {18, 75};
                };
        double u = (rnd.nextDouble() + rnd.nextDouble() + rnd.nextDouble()) / 3;
        return range[0] + (int) Math.round(u * (range[1] - range[0]));
    }

    private static String documentNumber(String citizenship, SplittableRandom rnd) {
        char a = (char) ('A' + rnd.nextInt(26));
        char b = (char) ('A' + rnd.nextInt(26));
        return "" + a + b + String.format("%07d", rnd.nextInt(10_000_000)) + citizenship.charAt(0);
    }

    private static Transport transport(String citizenship, SplittableRandom rnd) {
        boolean neighbour =
                switch (citizenship) {
                    case "UZB", "KGZ", "TJK", "RUS", "CHN", "TKM" -> true;
                    default -> false;
                };
        if (!neighbour) {
            return Transport.AIR;
        }
        double r = rnd.nextDouble();
        if ("RUS".equals(citizenship)) {
            return r < 0.5 ? Transport.AIR : r < 0.8 ? Transport.RAIL : Transport.ROAD;
        }
        return r < 0.35 ? Transport.AIR : r < 0.9 ? Transport.ROAD : Transport.RAIL;
    }

    private static Transport air(SplittableRandom rnd) {
        return rnd.nextDouble() < 0.85 ? Transport.AIR : Transport.ROAD;
    }

    private static String post(Transport t, String country, SplittableRandom rnd) {
        return switch (t) {
            case AIR -> rnd.nextDouble() < 0.6 ? "KZ-ALA-AIR" : "KZ-NQZ-AIR";
            case RAIL -> "KZ-PTR-RAIL";
            default ->
                switch (country) {
                    case "CHN" -> "KZ-KOR-ROAD";
                    case "KGZ" -> "KZ-ZHB-ROAD";
                    case "UZB", "TJK", "TKM" -> "KZ-ZHT-ROAD";
                    default -> new String[] {"KZ-KOR-ROAD", "KZ-ZHB-ROAD", "KZ-ZHT-ROAD"}[rnd.nextInt(3)];
                };
        };
    }

    private List<LocalDate> sortedStarts(SplittableRandom rnd, int count, double[] season) {
        List<LocalDate> starts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            starts.add(seasonalDate(rnd, season));
        }
        starts.sort(null);
        return starts;
    }

    /** A day of the span drawn with the monthly weights (rejection sampling). */
    private LocalDate seasonalDate(SplittableRandom rnd, double[] season) {
        int span = days(spanStart, spanEnd) + 1;
        while (true) {
            LocalDate d = spanStart.plusDays(rnd.nextInt(span));
            if (rnd.nextDouble() * 2.0 < season[d.getMonthValue() - 1]) {
                return d;
            }
        }
    }

    private Instant at(LocalDate day, int minuteOfDay) {
        return day.atTime(LocalTime.of(minuteOfDay / 60 % 24, minuteOfDay % 60))
                .atZone(zone)
                .toInstant();
    }

    private static int days(LocalDate a, LocalDate b) {
        return (int) (b.toEpochDay() - a.toEpochDay());
    }

    /** SplitMix64 finaliser: decorrelates the per-traveller streams of one seed. */
    static long mix(long seed, long n) {
        long z = seed * 0x9E3779B97F4A7C15L + n * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
