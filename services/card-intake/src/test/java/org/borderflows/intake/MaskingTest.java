package org.borderflows.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {
    @Test
    void thePayloadOfAReadableRecordMasksOnlyTheDocumentNumber() {
        String payload = Masking.maskedPayload(TestCards.valid());
        assertThat(payload)
                .startsWith("{\"event_id\":\"KZ-ALA-AIR-2026-000001\"")
                .contains("\"document_number\":\"********\"")
                .contains("\"birth_date\":\"1990-05-17\"")
                .doesNotContain("N1234567");
    }

    @Test
    void unstructuredTextHasEveryWordWithADigitMasked() {
        assertThat(Masking.maskText("TJK,AB 123-456,hello,x9")).isEqualTo("TJK,AB ***-***,hello,***");
    }

    @Test
    void unstructuredTextIsShortened() {
        assertThat(Masking.maskText("a".repeat(5000))).hasSize(2001);
    }
}
