package org.borderflows.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated records (fixed seeds, so failures reproduce) through the parsers and the intake: no
 * exception may escape and every record read must end accepted or rejected.
 */
class IntakeFuzzTest {
    private static final String NASTY = ",\"\n\r{}[]:\\ \t\u0000é€😀-+.0123456789ZT";
    private final CardIntake intake = TestCards.intake();

    private static String mutate(String s, Random random) {
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = b.length() == 0 ? 0 : random.nextInt(b.length());
            char c = NASTY.charAt(random.nextInt(NASTY.length()));
            switch (random.nextInt(3)) {
                case 0 -> b.insert(at, c);
                case 1 -> {
                    if (b.length() > 0) {
                        b.deleteCharAt(at);
                    }
                }
                default -> {
                    if (b.length() > 0) {
                        b.setCharAt(at, c);
                    }
                }
            }
        }
        return b.toString();
    }

    private long[] drain(CardReader reader) throws Exception {
        long accepted = 0;
        long rejected = 0;
        RawCard card;
        while ((card = reader.next()) != null) {
            IntakeResult result = intake.process(card, TestCards.ALL_POSTS);
            if (result instanceof IntakeResult.Accepted) {
                accepted++;
            } else {
                rejected++;
            }
        }
        return new long[] {accepted, rejected};
    }

    @Test
    void mutatedNdjsonLinesEachEndAcceptedOrRejected() throws Exception {
        Random random = new Random(20260301L);
        StringBuilder body = new StringBuilder();
        int lines = 0;
        for (int i = 0; i < 5_000; i++) {
            String line = TestCards.validJson("e" + i, "N" + i);
            if (random.nextInt(3) > 0) {
                line = mutate(line, random);
            }
            line = line.replace('\n', ' ').replace('\r', ' ');
            if (!line.isBlank()) {
                lines++;
            }
            body.append(line).append('\n');
        }
        long[] counts = drain(new NdjsonCardReader(new StringReader(body.toString())));
        assertThat(counts[0] + counts[1]).isEqualTo(lines);
        assertThat(counts[0]).isPositive();
        assertThat(counts[1]).isPositive();
    }

    @Test
    void mutatedCsvRowsNeverThrowAndAllEndAcceptedOrRejected() throws Exception {
        Random random = new Random(19900517L);
        StringBuilder body = new StringBuilder(TestCards.CSV_HEADER).append('\n');
        for (int i = 0; i < 5_000; i++) {
            String row = TestCards.validCsvRow("e" + i, "N" + i);
            body.append(random.nextInt(3) > 0 ? mutate(row, random) : row).append('\n');
        }
        CsvCardReader reader = new CsvCardReader(new StringReader(body.toString()));
        long[] counts = drain(reader);
        // quotes and line breaks may merge or split rows, so the exact count is not known; none may vanish
        // silently: every record the reader produced was counted as accepted or rejected
        assertThat(counts[0] + counts[1]).isGreaterThan(4_000);
        assertThat(counts[0]).isPositive();
        assertThat(counts[1]).isPositive();
    }

    @Test
    void randomFieldValuesEachEndAcceptedOrRejected() {
        Random random = new Random(42L);
        String[] pool = {
            null,
            "",
            " ",
            "ENTRY",
            "EXIT",
            "M",
            "F",
            "X",
            "KAZ",
            "TJK",
            "XYZ",
            "WORK",
            "AIR",
            "KZ-ALA-AIR",
            "2026-03-01T08:15:00+05:00",
            "2026-03-01T08:15:00",
            "1990-05-17",
            "2099-01-01",
            "-5",
            "99999999999",
            "N1234567",
            "🙂",
            "\u0000",
            "e".repeat(70),
            "2026-13-45T99:99:99Z",
            "1800-01-01",
            "0",
            "3650"
        };
        long accepted = 0;
        long rejected = 0;
        for (int i = 0; i < 10_000; i++) {
            RawCard card = random.nextBoolean() ? TestCards.valid() : new RawCard(i + 1);
            for (CardField field : CardField.values()) {
                if (random.nextInt(4) == 0) {
                    card.set(field, pool[random.nextInt(pool.length)]);
                }
            }
            IntakeResult result = intake.process(card, TestCards.ALL_POSTS);
            if (result instanceof IntakeResult.Accepted) {
                accepted++;
            } else {
                rejected++;
            }
        }
        assertThat(accepted + rejected).isEqualTo(10_000);
        assertThat(accepted).isPositive();
    }

    @Test
    void randomBytesAsJsonNeverThrow() throws Exception {
        Random random = new Random(7L);
        long records = 0;
        for (int i = 0; i < 2_000; i++) {
            String body = mutate(
                    "[" + TestCards.validJson("e" + i, "N" + i) + "," + TestCards.validJson("f", "M") + "]", random);
            long[] counts = drain(new JsonCardReader(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
            records += counts[0] + counts[1];
        }
        assertThat(records).isGreaterThan(2_000);
    }
}
