package org.borderflows.benchmarks.cards;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Benchmark-only generator of synthetic card files (not test data for the domain: the travellers are random).
 * {@code SyntheticCards csv|ndjson RECORDS OUT [SEED]} writes RECORDS cards, about 1 in 1,000 invalid (sex Q)
 * so the rejection path is exercised too. Fast: no formatting library, numbers appended by hand.
 */
public final class SyntheticCards {
    private static final String[] POSTS = {
        "KZ-ALA-AIR", "KZ-NQZ-AIR", "KZ-KOR-ROAD", "KZ-ZHB-ROAD", "KZ-ZHT-ROAD", "KZ-PTR-RAIL"
    };
    private static final String[] TRANSPORT = {"AIR", "AIR", "ROAD", "ROAD", "ROAD", "RAIL"};
    private static final String[] COUNTRIES = {"KAZ", "KAZ", "KAZ", "UZB", "KGZ", "TJK", "RUS", "CHN", "TUR", "DEU"};
    private static final String[] PURPOSES = {
        "TOURISM", "PRIVATE", "WORK", "WORK", "BUSINESS", "STUDY", "TRANSIT", "OFFICIAL", "OTHER"
    };
    private static final long START_2025 = LocalDate.of(2025, 1, 1).toEpochDay() * 86_400L;

    private SyntheticCards() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: SyntheticCards csv|ndjson RECORDS OUT [SEED]");
            System.exit(2);
        }
        boolean csv = args[0].equalsIgnoreCase("csv");
        long records = Long.parseLong(args[1].replace("_", ""));
        Path out = Path.of(args[2]);
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 2025L;
        long started = System.nanoTime();
        try (Writer w = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 20)) {
            write(w, csv, records, seed);
        }
        System.err.printf(
                "wrote %,d records (%,d bytes) to %s in %.1f s%n",
                records, Files.size(out), out, (System.nanoTime() - started) / 1e9);
    }

    static void write(Writer w, boolean csv, long records, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder(512);
        if (csv) {
            w.write("event_id,card_number,direction,crossed_at,border_post,document_country,document_number,"
                    + "birth_date,sex,citizenship,purpose,intended_stay_days,transport\n");
        }
        for (long i = 0; i < records; i++) {
            long traveller = random.nextLong(Math.max(1, records / 2));
            int post = random.nextInt(POSTS.length);
            String country = COUNTRIES[(int) (traveller % COUNTRIES.length)];
            long crossedAt = START_2025 + random.nextLong(365L * 86_400L);
            String[] v = {
                "bench-" + seed + "-" + i,
                "KZ " + (1_000_000 + traveller % 9_000_000),
                random.nextBoolean() ? "ENTRY" : "EXIT",
                instant(crossedAt),
                POSTS[post],
                country,
                "P" + (10_000_000 + traveller),
                LocalDate.ofEpochDay(-7300 + traveller % 20000).toString(),
                random.nextInt(1000) == 0 ? "Q" : (traveller & 1) == 0 ? "M" : "F",
                country,
                PURPOSES[(int) (traveller % PURPOSES.length)],
                Integer.toString(random.nextInt(365)),
                TRANSPORT[post]
            };
            b.setLength(0);
            if (csv) {
                for (int f = 0; f < v.length; f++) {
                    if (f > 0) {
                        b.append(',');
                    }
                    b.append(v[f]);
                }
            } else {
                b.append("{\"event_id\":\"").append(v[0]);
                b.append("\",\"card_number\":\"").append(v[1]);
                b.append("\",\"direction\":\"").append(v[2]);
                b.append("\",\"crossed_at\":\"").append(v[3]);
                b.append("\",\"border_post\":\"").append(v[4]);
                b.append("\",\"document_country\":\"").append(v[5]);
                b.append("\",\"document_number\":\"").append(v[6]);
                b.append("\",\"birth_date\":\"").append(v[7]);
                b.append("\",\"sex\":\"").append(v[8]);
                b.append("\",\"citizenship\":\"").append(v[9]);
                b.append("\",\"purpose\":\"").append(v[10]);
                b.append("\",\"intended_stay_days\":").append(v[11]);
                b.append(",\"transport\":\"").append(v[12]).append("\"}");
            }
            b.append('\n');
            w.append(b);
        }
    }

    /** Epoch seconds as an instant in UTC+05:00, e.g. 2025-03-01T08:15:00+05:00. */
    private static String instant(long epochSecond) {
        long local = epochSecond + 5 * 3600;
        long day = Math.floorDiv(local, 86_400L);
        int secs = (int) Math.floorMod(local, 86_400L);
        StringBuilder b =
                new StringBuilder(25).append(LocalDate.ofEpochDay(day)).append('T');
        two(b, secs / 3600).append(':');
        two(b, (secs / 60) % 60).append(':');
        two(b, secs % 60).append("+05:00");
        return b.toString();
    }

    private static StringBuilder two(StringBuilder b, int n) {
        return b.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }
}
