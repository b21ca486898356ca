package org.borderflows.engine.topology;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.borderflows.platform.Deployment;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Intake;
import org.borderflows.schema.IntakeChannel;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.Sex;
import org.borderflows.schema.Transport;

/**
 * Synthetic itineraries for the failover IT and the engine benchmark (module benchmarks, through this module's test
 * jar): a traveller crosses 2-6 times (fewer when the itinerary reaches mid-2026), alternating direction, mostly short visits (a few
 * days to a few weeks) with some long stays and labour migration; 40 % are citizens of the reporting country
 * (absences), the rest come from the region. Deterministic for a seed, cheap enough to make millions a second.
 */
public final class SyntheticCrossings {
    private static final String[] FOREIGN = {"UZB", "RUS", "KGZ", "TJK", "CHN", "TUR", "DEU", "IND"};
    private static final String[] POSTS = {
        "KZ-ALA-AIR", "KZ-NQZ-AIR", "KZ-KOR-ROAD", "KZ-ZHB-ROAD", "KZ-ZHT-ROAD", "KZ-PTR-RAIL"
    };
    private static final Purpose[] PURPOSES = {
        Purpose.TOURISM,
        Purpose.TOURISM,
        Purpose.PRIVATE,
        Purpose.PRIVATE,
        Purpose.BUSINESS,
        Purpose.WORK,
        Purpose.WORK,
        Purpose.STUDY,
        Purpose.TRANSIT,
        Purpose.OFFICIAL,
        Purpose.OTHER
    };
    private static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);
    /** Brokers reject record timestamps more than an hour ahead (message.timestamp.after.max.ms): stay in the past. */
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 6, 30);

    private final SplittableRandom random;
    private final Deployment deployment = Deployment.DEFAULT;
    private long nextEvent;

    public SyntheticCrossings(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The days in which itineraries start: the first four years. */
    public static final int START_DAYS = 4 * 365;

    /** The crossings of traveller number {@code n}, in time order, starting on a random day of the first four years. */
    public List<Crossing> traveller(long n) {
        return traveller(n, -1);
    }

    /**
     * The crossings of traveller number {@code n}, in time order, the first of them {@code startDay} days after
     * 1 January 2020 (0 to {@link #START_DAYS} - 1; -1: a random day of those).
     */
    public List<Crossing> traveller(long n, int startDay) {
        String travellerId = pseudonym(n);
        boolean citizen = random.nextInt(10) < 4;
        String citizenship = citizen ? "KAZ" : FOREIGN[random.nextInt(FOREIGN.length)];
        Sex sex = random.nextBoolean() ? Sex.M : Sex.F;
        LocalDate birth = LocalDate.of(1950 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28));
        Purpose purpose = PURPOSES[random.nextInt(PURPOSES.length)];
        Direction direction = citizen ? Direction.EXIT : Direction.ENTRY;
        LocalDate date = FIRST_DAY.plusDays(startDay >= 0 ? startDay : random.nextInt(START_DAYS));
        int count = 2 + random.nextInt(5);
        List<Crossing> out = new ArrayList<>(count);
        for (int i = 0; i < count && !date.isAfter(LAST_DAY); i++) {
            Instant at = date.atTime(LocalTime.of(random.nextInt(24), random.nextInt(60)))
                    .atZone(deployment.timeZone())
                    .toInstant();
            String post = POSTS[random.nextInt(POSTS.length)];
            out.add(Crossing.newBuilder()
                    .setEventId("B" + (nextEvent++))
                    .setTravellerId(travellerId)
                    .setCardNumber("MC" + n)
                    .setDirection(direction)
                    .setCrossedAt(at)
                    .setCrossingDate(deployment.localDate(at))
                    .setBorderPost(post)
                    .setDocumentCountry(citizenship)
                    .setBirthDate(birth)
                    .setSex(sex)
                    .setCitizenship(citizenship)
                    .setPurpose(purpose)
                    .setIntendedStayDays(direction == Direction.ENTRY ? 30 : null)
                    .setTransport(
                            post.endsWith("AIR")
                                    ? Transport.AIR
                                    : post.endsWith("RAIL") ? Transport.RAIL : Transport.ROAD)
                    .setIntake(new Intake(IntakeChannel.KAFKA, post, at, null))
                    .build());
            direction = direction == Direction.ENTRY ? Direction.EXIT : Direction.ENTRY;
            int kind = random.nextInt(20);
            long gap = kind < 14
                    ? 1 + random.nextInt(30)
                    : kind < 18 ? 30 + random.nextInt(200) : 200 + random.nextInt(500);
            date = date.plusDays(gap);
        }
        return out;
    }

    /** The first instant (epoch ms) of the local day {@code day} days after 1 January 2020. */
    public static long startOfDay(int day) {
        return FIRST_DAY
                .plusDays(day)
                .atStartOfDay(Deployment.DEFAULT.timeZone())
                .toInstant()
                .toEpochMilli();
    }

    /** 64 hex digits like a real pseudonym, derived from the traveller number. */
    static String pseudonym(long n) {
        StringBuilder sb = new StringBuilder(64);
        long x = n;
        for (int i = 0; i < 4; i++) {
            x = mix(x + 0x9E3779B97F4A7C15L * (i + 1));
            String h = Long.toHexString(x);
            for (int pad = h.length(); pad < 16; pad++) {
                sb.append('0');
            }
            sb.append(h);
        }
        return sb.toString();
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
