package org.borderflows.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.RejectedRecord;
import org.junit.jupiter.api.Test;

class SingleObjectEncoderTest {
    @Test
    void aCrossingIsEncodedByteForByteAsTheProjectSerdeEncodesIt() {
        Crossing crossing =
                ((IntakeResult.Accepted) TestCards.intake().process(TestCards.valid(), TestCards.ALL_POSTS)).crossing();
        byte[] fast = new SingleObjectEncoder<>(Crossing.class).encode(crossing);
        AvroSerde<Crossing> serde = AvroSerde.of(Crossing.class);
        assertThat(fast).isEqualTo(serde.serialize("crossings", crossing));
        assertThat(serde.deserialize("crossings", fast)).isEqualTo(crossing);
    }

    @Test
    void aRejectionIsEncodedByteForByteAsTheProjectSerdeEncodesIt() {
        RawCard card = TestCards.valid().set(CardField.SEX, "Q");
        RejectedRecord rejection =
                ((IntakeResult.Rejected) TestCards.intake().process(card, TestCards.ALL_POSTS)).rejection();
        SingleObjectEncoder<RejectedRecord> encoder = new SingleObjectEncoder<>(RejectedRecord.class);
        encoder.encode(rejection); // the per-thread buffer is reused
        assertThat(encoder.encode(rejection))
                .isEqualTo(AvroSerde.of(RejectedRecord.class).serialize("rejected-records", rejection));
    }
}
