package org.borderflows.query.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CSV form of a table (RFC 4180): values holding a comma, quote, CR or LF are quoted. */
class TableCsvTest {
    private static Table tableOf(String borderPost, Long count) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("month", "2025-03");
        row.put("borderPost", borderPost);
        row.put("count", count);
        row.put("status", count == null ? "suppressed" : "final");
        return new Table(
                "crossings",
                LocalDate.of(2025, 3, 31),
                false,
                YearMonth.of(2025, 3),
                YearMonth.of(2025, 3),
                List.of("month", "borderPost"),
                List.of("count"),
                List.of(row));
    }

    @Test
    void aValueWithACarriageReturnIsQuoted() {
        assertThat(tableOf("KZ-ALA\rAIR", 12L).toCsv())
                .isEqualTo("month,borderPost,count,status\r\n2025-03,\"KZ-ALA\rAIR\",12,final\r\n");
    }

    @Test
    void aValueWithQuotesAndACommaIsQuotedWithDoubledQuotes() {
        assertThat(tableOf("the \"old\" post, north", 7L).toCsv())
                .isEqualTo("month,borderPost,count,status\r\n2025-03,\"the \"\"old\"\" post, north\",7,final\r\n");
    }

    @Test
    void aSuppressedCountIsAnEmptyField() {
        assertThat(tableOf("KZ-ALA-AIR", null).toCsv())
                .isEqualTo("month,borderPost,count,status\r\n2025-03,KZ-ALA-AIR,,suppressed\r\n");
    }
}
