package org.borderflows.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 4180 §2 quoting of written fields. */
class CsvTest {
    @Test
    void aPlainValueIsWrittenAsItIs() {
        assertThat(Csv.field("KZ-ALA-AIR")).isEqualTo("KZ-ALA-AIR");
        assertThat(Csv.field("")).isEmpty();
        assertThat(Csv.field(null)).isEmpty();
    }

    @Test
    void aCommaIsQuoted() {
        assertThat(Csv.field("Almaty, airport")).isEqualTo("\"Almaty, airport\"");
    }

    @Test
    void aQuoteIsDoubledInsideQuotes() {
        assertThat(Csv.field("the \"old\" post")).isEqualTo("\"the \"\"old\"\" post\"");
        assertThat(Csv.field("\"")).isEqualTo("\"\"\"\"");
    }

    @Test
    void aCarriageReturnAloneIsQuoted() {
        assertThat(Csv.field("line one\rline two")).isEqualTo("\"line one\rline two\"");
    }

    @Test
    void lineFeedsAndCrlfAreQuoted() {
        assertThat(Csv.field("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(Csv.field("a\r\nb")).isEqualTo("\"a\r\nb\"");
    }

    @Test
    void aRecordQuotesOnlyTheFieldsThatNeedIt() {
        assertThat(Csv.record("2025-03", null, "say \"hi\"\r", 12, 1.5))
                .isEqualTo("2025-03,,\"say \"\"hi\"\"\r\",12,1.5");
    }
}
