package org.borderflows.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvCardReaderTest {
    private static List<RawCard> read(String csv) throws Exception {
        return TestCards.readAll(new CsvCardReader(new StringReader(csv)));
    }

    private static String body(String... rows) {
        return TestCards.CSV_HEADER + "\n" + String.join("\n", rows) + "\n";
    }

    @Test
    void readsEachRowIntoTheFieldsNamedByTheHeader() throws Exception {
        List<RawCard> cards = read(body(TestCards.validCsvRow("e1", "N1"), TestCards.validCsvRow("e2", "N2")));
        assertThat(cards).hasSize(2);
        assertThat(cards.get(1).get(CardField.EVENT_ID)).isEqualTo("e2");
        assertThat(cards.get(1).get(CardField.DOCUMENT_NUMBER)).isEqualTo("N2");
        assertThat(cards.get(1).position()).isEqualTo(2);
    }

    @Test
    void headerColumnsMayComeInAnyOrderAndUnknownColumnsAreIgnored() throws Exception {
        List<RawCard> cards = read("remark,sex,event_id\nhello,F,e1\n");
        assertThat(cards).singleElement().satisfies(c -> {
            assertThat(c.get(CardField.SEX)).isEqualTo("F");
            assertThat(c.get(CardField.EVENT_ID)).isEqualTo("e1");
        });
    }

    @Test
    void aQuotedFieldMayHoldCommasDoubledQuotesAndLineBreaks() throws Exception {
        List<RawCard> cards = read("event_id,card_number,sex\n\"e,1\",\"AB \"\"7\"\"\nline 2\",M\n");
        assertThat(cards).singleElement().satisfies(c -> {
            assertThat(c.get(CardField.EVENT_ID)).isEqualTo("e,1");
            assertThat(c.get(CardField.CARD_NUMBER)).isEqualTo("AB \"7\"\nline 2");
            assertThat(c.get(CardField.SEX)).isEqualTo("M");
        });
    }

    @Test
    void anEmptyQuotedFieldIsAbsent() throws Exception {
        assertThat(read("event_id,card_number\ne1,\"\"\n"))
                .singleElement()
                .satisfies(c -> assertThat(c.get(CardField.CARD_NUMBER)).isNull());
    }

    @Test
    void crlfLineEndsByteOrderMarkAndBlankLinesAreHandled() throws Exception {
        List<RawCard> cards = read("\uFEFFevent_id,sex\r\ne1,M\r\n\r\ne2,F");
        assertThat(cards).extracting(c -> c.get(CardField.EVENT_ID)).containsExactly("e1", "e2");
        assertThat(cards).extracting(c -> c.get(CardField.SEX)).containsExactly("M", "F");
    }

    @Test
    void aQuoteInsideAnUnquotedFieldMakesOnlyThatRowMalformed() throws Exception {
        List<RawCard> cards = read("event_id,sex\ne1,M\ne\"2,F\ne3,F\n");
        assertThat(cards).hasSize(3);
        assertThat(cards.get(1).isMalformed()).isTrue();
        assertThat(cards.get(1).malformedReason()).contains("quote inside an unquoted field");
        assertThat(cards.get(1).position()).isEqualTo(2);
        assertThat(cards.get(2).get(CardField.EVENT_ID)).isEqualTo("e3");
    }

    @Test
    void textAfterAClosingQuoteIsMalformed() throws Exception {
        List<RawCard> cards = read("event_id,sex\n\"e1\"x,M\ne2,F\n");
        assertThat(cards.get(0).malformedReason()).contains("after a closing quote");
        assertThat(cards.get(1).get(CardField.EVENT_ID)).isEqualTo("e2");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsMalformed() throws Exception {
        List<RawCard> cards = read("event_id,sex\ne1,M,extra\ne2\ne3,F\n");
        assertThat(cards).hasSize(3);
        assertThat(cards.get(0).malformedReason()).isEqualTo("the row has 3 fields but the header has 2");
        assertThat(cards.get(1).malformedReason()).isEqualTo("the row has 1 fields but the header has 2");
        assertThat(cards.get(2).isMalformed()).isFalse();
    }

    @Test
    void anUnclosedQuoteAtTheEndOfTheInputIsMalformed() throws Exception {
        List<RawCard> cards = read("event_id,sex\ne1,\"M\n");
        assertThat(cards).singleElement().satisfies(c -> assertThat(c.malformedReason())
                .contains("not closed"));
    }

    @Test
    void aRowLongerThanTheLimitIsMalformedAndReadingResumesOnTheNextLine() throws Exception {
        String huge = "x".repeat(CsvCardReader.MAX_RECORD_CHARS + 10);
        List<RawCard> cards = read("event_id,sex\n" + huge + ",M\ne2,F\n");
        assertThat(cards).hasSize(2);
        assertThat(cards.get(0).malformedReason()).contains("longer than");
        assertThat(cards.get(0).unreadableText()).hasSizeLessThanOrEqualTo(2000);
        assertThat(cards.get(1).get(CardField.EVENT_ID)).isEqualTo("e2");
    }

    @Test
    void aFirstRowWithoutAnyFieldNameIsReportedAsAMissingHeader() throws Exception {
        List<RawCard> cards = read(TestCards.validCsvRow("e1", "N1") + "\n");
        assertThat(cards).singleElement().satisfies(c -> assertThat(c.malformedReason())
                .contains("not a header"));
    }

    @Test
    void anEmptyInputOrAHeaderAloneHasNoRecords() throws Exception {
        assertThat(read("")).isEmpty();
        assertThat(read(TestCards.CSV_HEADER + "\n")).isEmpty();
    }

    @Test
    void aTrailingEmptyFieldAtTheEndOfTheInputIsRead() throws Exception {
        assertThat(read("event_id,card_number\ne1,")).singleElement().satisfies(c -> {
            assertThat(c.isMalformed()).isFalse();
            assertThat(c.get(CardField.CARD_NUMBER)).isNull();
        });
    }

    @Test
    void rowsSpanningManyBufferRefillsAreReadWhole() throws Exception {
        StringBuilder csv = new StringBuilder(TestCards.CSV_HEADER).append('\n');
        for (int i = 0; i < 20_000; i++) {
            csv.append(TestCards.validCsvRow("event-" + i, "N" + i)).append("\r\n");
        }
        List<RawCard> cards = read(csv.toString());
        assertThat(cards).hasSize(20_000);
        assertThat(cards).noneMatch(RawCard::isMalformed);
        assertThat(cards.get(19_999).get(CardField.DOCUMENT_NUMBER)).isEqualTo("N19999");
        assertThat(cards.get(19_999).get(CardField.TRANSPORT)).isEqualTo("AIR");
    }
}
