package org.borderflows.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadAheadCardReaderTest {
    @Test
    void everyRecordArrivesOnceAndInOrder() throws Exception {
        StringBuilder csv = new StringBuilder(TestCards.CSV_HEADER).append('\n');
        for (int i = 0; i < 5_000; i++) {
            csv.append(TestCards.validCsvRow("e" + i, "N" + i)).append('\n');
        }
        List<RawCard> cards =
                TestCards.readAll(new ReadAheadCardReader(new CsvCardReader(new StringReader(csv.toString()))));
        assertThat(cards).hasSize(5_000);
        for (int i = 0; i < 5_000; i++) {
            assertThat(cards.get(i).position()).isEqualTo(i + 1L);
        }
    }

    @Test
    void aReadErrorReachesTheCaller() {
        CardReader failing = new CardReader() {
            @Override
            public RawCard next() throws IOException {
                throw new IOException("disk gone");
            }

            @Override
            public void close() {}
        };
        assertThatThrownBy(() -> TestCards.readAll(new ReadAheadCardReader(failing)))
                .isInstanceOf(IOException.class)
                .hasMessage("disk gone");
    }

    @Test
    void closingEarlyStopsTheReadingThread() throws Exception {
        StringBuilder csv = new StringBuilder(TestCards.CSV_HEADER).append('\n');
        for (int i = 0; i < 50_000; i++) {
            csv.append(TestCards.validCsvRow("e" + i, "N" + i)).append('\n');
        }
        ReadAheadCardReader reader = new ReadAheadCardReader(new CsvCardReader(new StringReader(csv.toString())));
        assertThat(reader.next().position()).isEqualTo(1L);
        reader.close();
    }
}
