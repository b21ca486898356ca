package org.borderflows.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonCardReaderTest {
    private static List<RawCard> json(String body) throws Exception {
        return TestCards.readAll(new JsonCardReader(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
    }

    private static List<RawCard> ndjson(String body) throws Exception {
        return TestCards.readAll(new NdjsonCardReader(new StringReader(body)));
    }

    @Test
    void aSingleObjectIsOneRecord() throws Exception {
        assertThat(json(TestCards.validJson("e1", "N1"))).singleElement().satisfies(c -> {
            assertThat(c.get(CardField.EVENT_ID)).isEqualTo("e1");
            assertThat(c.get(CardField.INTENDED_STAY_DAYS)).isEqualTo("180");
            assertThat(c.position()).isEqualTo(1);
        });
    }

    @Test
    void anArrayIsReadElementByElement() throws Exception {
        List<RawCard> cards =
                json("[" + TestCards.validJson("e1", "N1") + ",\n" + TestCards.validJson("e2", "N2") + "]");
        assertThat(cards).extracting(c -> c.get(CardField.EVENT_ID)).containsExactly("e1", "e2");
        assertThat(cards).extracting(RawCard::position).containsExactly(1L, 2L);
    }

    @Test
    void anElementThatIsNotAnObjectIsMalformedAndTheNextIsRead() throws Exception {
        List<RawCard> cards = json("[42, [1,2], {\"event_id\":\"e3\"}]");
        assertThat(cards).hasSize(3);
        assertThat(cards.get(0).malformedReason()).isEqualTo("array element 1 is a number, not an object");
        assertThat(cards.get(1).malformedReason()).isEqualTo("array element 2 is an array, not an object");
        assertThat(cards.get(2).get(CardField.EVENT_ID)).isEqualTo("e3");
    }

    @Test
    void aSyntaxErrorEndsTheBodyWithAMalformedRecordAtItsPosition() throws Exception {
        List<RawCard> cards = json("[{\"event_id\":\"e1\"}, {\"event_id\": e2}, {\"event_id\":\"e3\"}]");
        assertThat(cards).hasSize(2);
        assertThat(cards.get(1).position()).isEqualTo(2);
        assertThat(cards.get(1).malformedReason())
                .contains("invalid JSON at line 1")
                .contains("not read");
    }

    @Test
    void nullMeansAbsentAndAnObjectValueIsBadlyShaped() throws Exception {
        assertThat(json("{\"event_id\":null,\"sex\":{\"a\":1},\"other\":[1]}"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.get(CardField.EVENT_ID)).isNull();
                    assertThat(c.hasBadShape(CardField.SEX)).isTrue();
                });
    }

    @Test
    void aBodyThatIsNeitherObjectNorArrayIsOneMalformedRecord() throws Exception {
        assertThat(json("\"hello\"")).singleElement().satisfies(c -> assertThat(c.malformedReason())
                .contains("must be a JSON object or an array"));
    }

    @Test
    void contentAfterASingleObjectIsRejectedWithoutLosingTheObject() throws Exception {
        List<RawCard> cards = json("{\"event_id\":\"e1\"} {\"event_id\":\"e2\"}");
        assertThat(cards).hasSize(2);
        assertThat(cards.get(0).get(CardField.EVENT_ID)).isEqualTo("e1");
        assertThat(cards.get(1).position()).isEqualTo(2);
        assertThat(cards.get(1).malformedReason()).isEqualTo("content after the end of the JSON object");
    }

    @Test
    void anUnclosedArrayIsReported() throws Exception {
        List<RawCard> cards = json("[{\"event_id\":\"e1\"}");
        assertThat(cards).hasSize(2);
        assertThat(cards.get(1).isMalformed()).isTrue();
    }

    @Test
    void ndjsonReadsOneObjectPerLineAndSkipsBlankLines() throws Exception {
        List<RawCard> cards = ndjson(TestCards.validJson("e1", "N1") + "\r\n\n   \n" + TestCards.validJson("e2", "N2"));
        assertThat(cards).extracting(c -> c.get(CardField.EVENT_ID)).containsExactly("e1", "e2");
        assertThat(cards).extracting(RawCard::position).containsExactly(1L, 2L);
    }

    @Test
    void aBrokenNdjsonLineIsMalformedAndTheNextLineIsRead() throws Exception {
        List<RawCard> cards = ndjson("{\"event_id\":\"e1\"\n[1]\n{\"event_id\":\"e3\"} x\n{\"event_id\":\"e4\"}\n");
        assertThat(cards).hasSize(4);
        assertThat(cards.get(0).isMalformed()).isTrue();
        assertThat(cards.get(1).malformedReason()).isEqualTo("the line is an array, not a JSON object");
        assertThat(cards.get(2).isMalformed()).isTrue();
        assertThat(cards.get(3).get(CardField.EVENT_ID)).isEqualTo("e4");
    }

    @Test
    void anOverlongNdjsonLineIsMalformed() throws Exception {
        String huge = "{\"event_id\":\"" + "x".repeat(CsvCardReader.MAX_RECORD_CHARS) + "\"}";
        List<RawCard> cards = ndjson(huge + "\n{\"event_id\":\"e2\"}\n");
        assertThat(cards).hasSize(2);
        assertThat(cards.get(0).malformedReason()).contains("longer than");
        assertThat(cards.get(1).get(CardField.EVENT_ID)).isEqualTo("e2");
    }

    @Test
    void theMediaTypeChoosesTheFormat() {
        assertThat(CardFormat.ofMediaType("text/csv; charset=utf-8")).isEqualTo(CardFormat.CSV);
        assertThat(CardFormat.ofMediaType("application/x-ndjson")).isEqualTo(CardFormat.NDJSON);
        assertThat(CardFormat.ofMediaType("application/json")).isEqualTo(CardFormat.JSON);
        assertThat(CardFormat.ofMediaType("text/plain")).isNull();
        assertThat(CardFormat.ofFileName("cards.csv.gz")).isEqualTo(CardFormat.CSV);
    }
}
