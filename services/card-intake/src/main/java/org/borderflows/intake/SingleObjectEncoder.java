package org.borderflows.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding (C3 01, the writer schema's 8-byte CRC-64-AVRO fingerprint, the binary body),
 * byte for byte what {@code AvroSerde} writes (a test checks it), but into an unsynchronised per-thread buffer
 * through a buffered encoder: Avro's own message encoder writes every field through a synchronised
 * ByteArrayOutputStream, which showed up first in the loader's profile.
 */
final class SingleObjectEncoder<T extends SpecificRecord> {
    private final byte[] header;
    private final SpecificDatumWriter<T> writer;
    private final ThreadLocal<Buffer> buffers = ThreadLocal.withInitial(Buffer::new);

    SingleObjectEncoder(Class<T> type) {
        Schema schema = SpecificData.get().getSchema(type);
        byte[] fingerprint = fingerprintBytes(SchemaNormalization.parsingFingerprint64(schema));
        header = new byte[10];
        header[0] = (byte) 0xC3;
        header[1] = (byte) 0x01;
        System.arraycopy(fingerprint, 0, header, 2, 8);
        writer = new SpecificDatumWriter<>(schema, SpecificData.getForClass(type));
    }

    private static byte[] fingerprintBytes(long fingerprint) {
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (fingerprint >>> (8 * i)); // little-endian, as the single-object spec says
        }
        return out;
    }

    byte[] encode(T value) {
        Buffer b = buffers.get();
        b.out.count = 0;
        b.out.write(header, 0, header.length);
        try {
            b.encoder = EncoderFactory.get().binaryEncoder(b.out, b.encoder);
            writer.write(value, b.encoder);
            b.encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Arrays.copyOf(b.out.bytes, b.out.count);
    }

    private static final class Buffer {
        final Bytes out = new Bytes();
        BinaryEncoder encoder;
    }

    /** A growable byte buffer without the locking of ByteArrayOutputStream. */
    private static final class Bytes extends OutputStream {
        byte[] bytes = new byte[1024];
        int count;

        @Override
        public void write(int b) {
            ensure(1);
            bytes[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, count, len);
            count += len;
        }

        private void ensure(int more) {
            if (count + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
            }
        }
    }
}
