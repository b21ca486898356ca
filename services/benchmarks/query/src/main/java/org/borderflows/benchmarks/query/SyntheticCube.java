package org.borderflows.benchmarks.query;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import org.borderflows.query.tables.Cube;
import org.borderflows.query.tables.Datasets;
import org.borderflows.query.topology.Cells;
import org.borderflows.query.topology.Contributions;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.Direction;
import org.borderflows.schema.DurationClass;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.ResidenceStatus;
import org.borderflows.schema.Sex;
import org.borderflows.schema.Spell;
import org.borderflows.schema.SpellKind;
import org.borderflows.schema.SpellState;
import org.borderflows.schema.TableCell;

/**
 * A synthetic but realistically shaped cube for benchmarks: travellers with 1-3 trips over three years, skewed
 * citizenships, six border posts, every engine output turned into cells by the real {@link Contributions}.
 * Only the set of distinct cells matters for size and scan cost, so each cell is applied with count 1.
 */
public final class SyntheticCube {
    private static final Contributions CONTRIBUTIONS = Datasets.contributions();

    static final LocalDate CLOCK = LocalDate.of(2026, 3, 31);
    static final LocalDate START = LocalDate.of(2023, 4, 1);
    static final List<String> POSTS =
            List.of("KZ-ALA-AIR", "KZ-NQZ-AIR", "KZ-KOR-ROAD", "KZ-ZHB-ROAD", "KZ-ZHT-ROAD", "KZ-PTR-RAIL");
    static final List<String> CITIZENSHIPS = List.of(
            "KAZ", "RUS", "UZB", "KGZ", "TJK", "CHN", "TUR", "DEU", "USA", "KOR", "IND", "AZE", "GEO", "ARM", "BLR",
            "UKR", "TKM", "MNG", "JPN", "GBR", "FRA", "ITA", "POL", "ISR", "IRN", "PAK", "AFG", "ARE", "EGY", "VNM",
            "THA", "MYS", "IDN", "NLD", "ESP", "CAN", "AUS", "BRA", "SAU", "QAT");
    private static final String[] AGE_GROUPS = {
        "0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59", "60-64",
        "65-69", "70-74", "75-79", "80-84", "85+", "UNKNOWN"
    };

    private SyntheticCube() {}

    /** Fills the cube with the cells of {@code travellers} synthetic travellers; returns the crossings made. */
    public static long fill(Cube cube, long travellers, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long crossings = 0;
        int days = (int) ChronoUnit.DAYS.between(START, CLOCK);
        for (long t = 0; t < travellers; t++) {
            String id = Long.toHexString(seed * 1_000_003L + t);
            // Zipf-like: a few citizenships carry most traffic; half of travellers are residents.
            String citizenship = random.nextInt(2) == 0
                    ? "KAZ"
                    : CITIZENSHIPS.get(
                            1 + (int) Math.floor(Math.pow(random.nextDouble(), 2.5) * (CITIZENSHIPS.size() - 1)));
            boolean resident = citizenship.equals("KAZ");
            Sex sex = random.nextInt(2) == 0 ? Sex.M : Sex.F;
            String age = AGE_GROUPS[random.nextInt(AGE_GROUPS.length)];
            Purpose purpose = Purpose.values()[Math.min(7, (int) Math.floor(Math.pow(random.nextDouble(), 1.5) * 8))];
            int trips = 1 + random.nextInt(3);
            for (int trip = 0; trip < trips; trip++) {
                LocalDate start = START.plusDays(random.nextInt(days));
                int duration = random.nextInt(10) == 0 ? 90 + random.nextInt(500) : random.nextInt(60);
                LocalDate end = start.plusDays(duration);
                boolean open = end.isAfter(CLOCK);
                String post = POSTS.get(random.nextInt(POSTS.size()));
                String endPost = POSTS.get(random.nextInt(POSTS.size()));
                int elapsed = (int) ChronoUnit.DAYS.between(start, open ? CLOCK : end);
                DurationClass cls = elapsed >= 365
                        ? DurationClass.LONG_TERM
                        : elapsed >= 90 ? DurationClass.SHORT_TERM : open ? DurationClass.PENDING : DurationClass.VISIT;
                boolean labour = purpose == Purpose.WORK && elapsed >= 90;
                // RULES.md §7 default regime; a first stay's latest authorised exit (start + 89 days)
                boolean regime = !resident && purpose != Purpose.WORK && purpose != Purpose.STUDY;
                boolean overstay = regime && elapsed > 89;
                Spell spell = Spell.newBuilder()
                        .setSpellId(id + ":" + trip)
                        .setTravellerId(id)
                        .setKind(resident ? SpellKind.ABSENCE : SpellKind.STAY)
                        .setState(open ? SpellState.OPEN : SpellState.CLOSED)
                        .setStartEventId(id + "-" + trip + "-s")
                        .setStartDate(start)
                        .setEndEventId(open ? null : id + "-" + trip + "-e")
                        .setEndDate(open ? null : end)
                        .setDurationDays(elapsed)
                        .setDurationClass(cls)
                        .setClassFinal(!open || cls == DurationClass.LONG_TERM)
                        .setPurpose(purpose)
                        .setCitizenship(citizenship)
                        .setSex(sex)
                        .setAgeGroup(age)
                        .setStartBorderPost(post)
                        .setEndBorderPost(open ? null : endPost)
                        .setShortTermMigrant(false)
                        .setLongTermMigrant(cls == DurationClass.LONG_TERM)
                        .setLabour(labour)
                        .setLatestAuthorisedExit(regime ? start.plusDays(89) : null)
                        .setOverstayDays(regime && !open ? Math.max(0, elapsed - 89) : null)
                        .setSuspectedOverstay(overstay && open)
                        .setAsOf(CLOCK)
                        .build();
                apply(cube, CONTRIBUTIONS.of(spell));
                Direction first = resident ? Direction.EXIT : Direction.ENTRY;
                ResidenceStatus before = resident ? ResidenceStatus.RESIDENT : ResidenceStatus.NON_RESIDENT;
                boolean ltm = elapsed >= 365;
                LocalDate finalDate = ltm ? start.plusDays(365) : start.plusDays(Math.min(487, elapsed + 122));
                apply(
                        cube,
                        CONTRIBUTIONS.of(outcome(
                                id + "-" + trip + "-s",
                                id,
                                first,
                                start,
                                before,
                                ltm,
                                finalDate,
                                post,
                                citizenship,
                                sex,
                                age,
                                purpose)));
                crossings++;
                if (!open) {
                    Direction back = resident ? Direction.ENTRY : Direction.EXIT;
                    apply(
                            cube,
                            CONTRIBUTIONS.of(outcome(
                                    id + "-" + trip + "-e",
                                    id,
                                    back,
                                    end,
                                    before,
                                    false,
                                    end,
                                    endPost,
                                    citizenship,
                                    sex,
                                    age,
                                    purpose)));
                    crossings++;
                }
            }
        }
        cube.commit();
        return crossings;
    }

    private static CrossingOutcome outcome(
            String eventId,
            String traveller,
            Direction direction,
            LocalDate date,
            ResidenceStatus before,
            boolean ltm,
            LocalDate finalDate,
            String post,
            String citizenship,
            Sex sex,
            String age,
            Purpose purpose) {
        return CrossingOutcome.newBuilder()
                .setEventId(eventId)
                .setTravellerId(traveller)
                .setDirection(direction)
                .setCrossingDate(date)
                .setStatusBefore(before)
                .setStatusAfter(before)
                .setLongTermMigration(ltm)
                .setFinalDate(finalDate)
                .setProvisional(finalDate.isAfter(CLOCK))
                .setBorderPost(post)
                .setCitizenship(citizenship)
                .setSex(sex)
                .setAgeGroup(age)
                .setPurpose(purpose)
                .setAsOf(CLOCK)
                .build();
    }

    private static void apply(Cube cube, List<TableCell> cells) {
        for (TableCell cell : cells) {
            cube.apply(Cells.key(cell), cell);
        }
    }
}
