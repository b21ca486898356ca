package org.borderflows.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.borderflows.schema.FieldError;
import org.borderflows.schema.RejectedRecord;
import org.junit.jupiter.api.Test;

/**
 * Bodies are decoded as strict UTF-8: a field whose bytes are not valid UTF-8 rejects its record as MALFORMED
 * naming the field (or "record"), never read with U+FFFD; the other records of the batch are accepted.
 */
class StrictUtf8Test {
    /** 0xC3 starts a two-byte sequence, 0x28 '(' cannot continue it. */
    private static final byte[] C3_28 = {(byte) 0xC3, 0x28};

    private final CardIntake intake = TestCards.intake();

    /** Concatenates text (as UTF-8) and raw byte arrays. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof byte[] b ? b : part.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** The text with the raw bytes in place of its one {@code @}. */
    private static byte[] at(String text, byte[] raw) {
        int i = text.indexOf('@');
        return bytes(text.substring(0, i), raw, text.substring(i + 1));
    }

    /** Reads one byte per call: every multi-byte sequence is split across reads. */
    private static InputStream trickling(byte[] body) {
        return new FilterInputStream(new ByteArrayInputStream(body)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    private List<IntakeResult> process(CardFormat format, byte[] body) throws Exception {
        List<IntakeResult> results = new ArrayList<>();
        for (RawCard card : TestCards.readAll(format.open(new ByteArrayInputStream(body)))) {
            results.add(intake.process(card, TestCards.ALL_POSTS));
        }
        return results;
    }

    private static String decode(InputStream in) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Reader reader = new StrictUtf8Reader(in)) {
            char[] buf = new char[7];
            for (int n; (n = reader.read(buf, 0, buf.length)) >= 0; ) {
                out.append(buf, 0, n);
            }
        }
        return out.toString();
    }

    private static FieldError onlyError(IntakeResult result) {
        assertThat(result).isInstanceOf(IntakeResult.Rejected.class);
        List<FieldError> errors = ((IntakeResult.Rejected) result).rejection().getErrors();
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    private static RejectedRecord rejection(IntakeResult result) {
        return ((IntakeResult.Rejected) result).rejection();
    }

    @Test
    void validMultiByteTextIsDecodedEvenWhenSplitAcrossReads() throws Exception {
        String text = "Ärzte, Şəki, Алматы, 😀";
        assertThat(decode(trickling(text.getBytes(StandardCharsets.UTF_8)))).isEqualTo(text);
        assertThat(Utf8Escapes.firstInvalid(text)).isEqualTo(-1);
    }

    @Test
    void eachInvalidByteIsKeptAsItselfNotAsUFFFD() throws Exception {
        String decoded = decode(trickling(bytes("a", C3_28, "b")));
        assertThat(decoded).hasSize(4).doesNotContain("\uFFFD");
        assertThat(Utf8Escapes.problem(decoded))
                .isEqualTo("is not valid UTF-8: the byte 0xC3 at character 2 cannot be decoded");
        assertThat(Utf8Escapes.visible(decoded)).isEqualTo("a\\xC3(b");
    }

    @Test
    void overlongEncodedSurrogateAndTruncatedSequencesAreInvalid() throws Exception {
        // C0 AF: an overlong '/'; ED A0 80: the surrogate U+D800 encoded; E2 82 at the end: a cut-off euro sign
        assertThat(Utf8Escapes.firstInvalid(
                        decode(new ByteArrayInputStream(bytes("x", new byte[] {(byte) 0xC0, (byte) 0xAF})))))
                .isEqualTo(1);
        assertThat(Utf8Escapes.firstInvalid(
                        decode(new ByteArrayInputStream(bytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})))))
                .isZero();
        assertThat(Utf8Escapes.visible(
                        decode(new ByteArrayInputStream(bytes("ab", new byte[] {(byte) 0xE2, (byte) 0x82})))))
                .startsWith("ab\\xE2");
    }

    @Test
    void aCsvRowWithAnInvalidSexByteIsRejectedNamingSexAndTheOthersAreAccepted() throws Exception {
        byte[] body = bytes(
                TestCards.CSV_HEADER,
                "\r\n",
                TestCards.validCsvRow("utf-1", "N1000001"),
                "\r\n",
                TestCards.validCsvRow("utf-2", "N1000002")
                        .replace(",M,TJK,", ",@,TJK,")
                        .split("@")[0],
                C3_28,
                TestCards.validCsvRow("utf-2", "N1000002")
                        .replace(",M,TJK,", ",@,TJK,")
                        .split("@")[1],
                "\r\n",
                TestCards.validCsvRow("utf-3", "N1000003"),
                "\r\n");

        List<IntakeResult> results = process(CardFormat.CSV, body);

        assertThat(results).hasSize(3);
        assertThat(results.get(0)).isInstanceOf(IntakeResult.Accepted.class);
        assertThat(results.get(2)).isInstanceOf(IntakeResult.Accepted.class);
        FieldError error = onlyError(results.get(1));
        assertThat(error.getField()).isEqualTo("sex");
        assertThat(error.getCode()).isEqualTo(ErrorCode.MALFORMED);
        assertThat(error.getMessage())
                .isEqualTo("sex is not valid UTF-8: the byte 0xC3 at character 1 cannot be decoded");
        RejectedRecord kept = rejection(results.get(1));
        assertThat(kept.getEventId()).isEqualTo("utf-2");
        assertThat(kept.getPosition()).isEqualTo(2);
        assertThat(kept.getPayload()).contains("\"sex\":\"\\\\xC3(\"").doesNotContain("\uFFFD");
    }

    @Test
    void anInvalidByteInTheDocumentNumberNamesTheFieldButNeverItsValue() throws Exception {
        byte[] body = bytes(TestCards.CSV_HEADER, "\n", at(TestCards.validCsvRow("utf-doc", "N77@77"), C3_28), "\n");

        FieldError error = onlyError(process(CardFormat.CSV, body).get(0));

        assertThat(error.getField()).isEqualTo("document_number");
        assertThat(error.getCode()).isEqualTo(ErrorCode.MALFORMED);
        assertThat(error.getMessage()).doesNotContain("N77");
    }

    @Test
    void anInvalidByteInAQuotedCsvFieldWithACommaIsFoundToo() throws Exception {
        byte[] body = bytes(
                TestCards.CSV_HEADER,
                "\n",
                at(TestCards.validCsvRow("utf-q", "N1000004").replace("AB 1234567", "\"AB, 12@\""), C3_28),
                "\n");

        FieldError error = onlyError(process(CardFormat.CSV, body).get(0));

        assertThat(error.getField()).isEqualTo("card_number");
        assertThat(error.getCode()).isEqualTo(ErrorCode.MALFORMED);
    }

    @Test
    void anInvalidByteInAColumnThatIsNotACardFieldRejectsTheRecord() throws Exception {
        byte[] body = bytes(
                TestCards.CSV_HEADER,
                ",note\n",
                TestCards.validCsvRow("utf-note", "N1000005"),
                ",caf",
                new byte[] {(byte) 0xE9},
                "\n",
                TestCards.validCsvRow("utf-ok", "N1000006"),
                ",fine\n");

        List<IntakeResult> results = process(CardFormat.CSV, body);

        FieldError error = onlyError(results.get(0));
        assertThat(error.getField()).isEqualTo("record");
        assertThat(error.getCode()).isEqualTo(ErrorCode.MALFORMED);
        assertThat(error.getMessage()).contains("column 14").contains("0xE9");
        assertThat(results.get(1)).isInstanceOf(IntakeResult.Accepted.class);
    }

    @Test
    void anInvalidByteInTheCsvHeaderIsAMalformedHeader() throws Exception {
        byte[] body = bytes("event_id,", C3_28, "\n", TestCards.validCsvRow("utf-h", "N1000007"), "\n");

        FieldError error = onlyError(process(CardFormat.CSV, body).get(0));

        assertThat(error.getField()).isEqualTo("record");
        assertThat(error.getCode()).isEqualTo(ErrorCode.MALFORMED);
        assertThat(error.getMessage()).contains("header").contains("0xC3");
    }

    @Test
    void anNdjsonLineWithAnInvalidCitizenshipByteIsRejectedNamingCitizenship() throws Exception {
        String bad = TestCards.validJson("nd-2", "N2000002");
        int at = bad.indexOf("\"citizenship\":\"TJK\"") + "\"citizenship\":\"".length();
        byte[] body = bytes(
                TestCards.validJson("nd-1", "N2000001"),
                "\n",
                bad.substring(0, at),
                C3_28,
                bad.substring(at + 3),
                "\n",
                TestCards.validJson("nd-3", "N2000003"),
                "\n");

        List<IntakeResult> results = process(CardFormat.NDJSON, body);

        assertThat(results).hasSize(3);
        assertThat(results.get(0)).isInstanceOf(IntakeResult.Accepted.class);
        assertThat(results.get(2)).isInstanceOf(IntakeResult.Accepted.class);
        FieldError error = onlyError(results.get(1));
        assertThat(error.getField()).isEqualTo("citizenship");
        assertThat(error.getCode()).isEqualTo(ErrorCode.MALFORMED);
        assertThat(rejection(results.get(1)).getEventId()).isEqualTo("nd-2");
    }

    @Test
    void aJsonArrayElementWithAnInvalidPurposeByteIsRejectedAndTheOthersAccepted() throws Exception {
        String bad = TestCards.validJson("js-2", "N3000002");
        int at = bad.indexOf("\"purpose\":\"WORK\"") + "\"purpose\":\"".length();
        byte[] body = bytes(
                "[",
                TestCards.validJson("js-1", "N3000001"),
                ",",
                bad.substring(0, at),
                "WO",
                C3_28,
                bad.substring(at + 4),
                ",",
                TestCards.validJson("js-3", "N3000003"),
                "]");

        List<IntakeResult> results = process(CardFormat.JSON, body);

        assertThat(results).hasSize(3);
        assertThat(results.get(0)).isInstanceOf(IntakeResult.Accepted.class);
        assertThat(results.get(2)).isInstanceOf(IntakeResult.Accepted.class);
        FieldError error = onlyError(results.get(1));
        assertThat(error.getField()).isEqualTo("purpose");
        assertThat(error.getCode()).isEqualTo(ErrorCode.MALFORMED);
        assertThat(error.getMessage()).contains("0xC3 at character 3");
    }

    @Test
    void anInvalidByteInAJsonNameRejectsTheRecordAsAWhole() throws Exception {
        String good = TestCards.validJson("js-name", "N3000004");
        byte[] body = bytes(good.substring(0, good.length() - 1), ",\"no", C3_28, "te\":\"x\"}");

        FieldError error = onlyError(process(CardFormat.JSON, body).get(0));

        assertThat(error.getField()).isEqualTo("record");
        assertThat(error.getCode()).isEqualTo(ErrorCode.MALFORMED);
    }

    @Test
    void theKeptPayloadOfAnUnreadableLineShowsTheBytesAndIsValidText() throws Exception {
        byte[] body = bytes("{\"event_id\":", C3_28, "}\n", TestCards.validJson("nd-ok", "N2000009"), "\n");

        List<IntakeResult> results = process(CardFormat.NDJSON, body);

        FieldError error = onlyError(results.get(0));
        assertThat(error.getField()).isEqualTo("record");
        assertThat(error.getCode()).isEqualTo(ErrorCode.MALFORMED);
        String payload = rejection(results.get(0)).getPayload();
        assertThat(payload).contains("\\xC3");
        assertThat(Utf8Escapes.firstInvalid(payload)).isEqualTo(-1);
        assertThat(Utf8Escapes.firstInvalid(error.getMessage())).isEqualTo(-1);
        assertThat(results.get(1)).isInstanceOf(IntakeResult.Accepted.class);
    }
}
