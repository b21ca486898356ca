package org.borderflows.schema;

import java.time.LocalDate;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;

/**
 * Bench only (a main, not a test): nanoseconds per message to write and read one crossing outcome with Avro's
 * own single-object coders and with {@link FlatRecordCodec}, 1,000,000 messages per round, five rounds (the first
 * is JIT warm-up). Command and figures in docs/benchmarks.md, "Flat record encoding".
 */
public final class FlatRecordCodecBench {
    private static final int MESSAGES = 1_000_000;

    private FlatRecordCodecBench() {}

    public static void main(String[] args) throws Exception {
        CrossingOutcome outcome = CrossingOutcome.newBuilder()
                .setEventId("KZ-ALA-AIR-000000123")
                .setTravellerId("9f2c4b7e00d1a35c9f2c4b7e00d1a35c9f2c4b7e00d1a35c9f2c4b7e00d1a35c")
                .setDirection(Direction.ENTRY)
                .setCrossingDate(LocalDate.of(2026, 3, 1))
                .setStatusBefore(ResidenceStatus.NON_RESIDENT)
                .setStatusAfter(ResidenceStatus.NON_RESIDENT)
                .setLongTermMigration(false)
                .setFinalDate(LocalDate.of(2027, 6, 30))
                .setProvisional(true)
                .setBorderPost("KZ-ALA-AIR")
                .setCitizenship("TJK")
                .setSex(Sex.M)
                .setAgeGroup("25-29")
                .setPurpose(Purpose.WORK)
                .setAsOf(LocalDate.of(2026, 3, 2))
                .build();
        SpecificData model = SpecificData.getForClass(CrossingOutcome.class);
        BinaryMessageEncoder<CrossingOutcome> avroWriter = new BinaryMessageEncoder<>(model, CrossingOutcome.SCHEMA$);
        BinaryMessageDecoder<CrossingOutcome> avroReader = new BinaryMessageDecoder<>(model, CrossingOutcome.SCHEMA$);
        FlatRecordCodec<CrossingOutcome> flat = FlatRecordCodec.of(CrossingOutcome.class, CrossingOutcome.SCHEMA$)
                .orElseThrow();
        byte[] message = flat.encode(outcome);
        long sink = 0;
        for (int round = 1; round <= 5; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < MESSAGES; i++) {
                sink += avroWriter.encode(outcome).remaining();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < MESSAGES; i++) {
                sink += flat.encode(outcome).length;
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < MESSAGES; i++) {
                sink += avroReader.decode(message).getAgeGroup().length();
            }
            long t3 = System.nanoTime();
            for (int i = 0; i < MESSAGES; i++) {
                sink += flat.decode(message).getAgeGroup().length();
            }
            long t4 = System.nanoTime();
            System.out.printf(
                    "round %d: write avro %d ns, flat %d ns; read avro %d ns, flat %d ns (%d)%n",
                    round,
                    (t1 - t0) / MESSAGES,
                    (t2 - t1) / MESSAGES,
                    (t3 - t2) / MESSAGES,
                    (t4 - t3) / MESSAGES,
                    sink);
        }
    }
}
