package org.borderflows.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a UTF-8 byte stream strictly ({@link CodingErrorAction#REPORT}): a byte that is not part of a valid
 * UTF-8 sequence (a stray continuation byte, a truncated or overlong sequence, an encoded surrogate) is never
 * replaced by U+FFFD. It is passed on as the lone low surrogate {@code U+DC00 + byte} ({@link Utf8Escapes}), a
 * char that strict decoding of valid input can never produce, so the card readers, which work on chars and
 * find record boundaries in them, can tell per field that it was not valid UTF-8 and reject only that record.
 */
final class StrictUtf8Reader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
    private boolean eof;
    private boolean done;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (done) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (out.position() == off) {
            CoderResult result = decoder.decode(bytes, out, eof);
            if (result.isError()) {
                for (int i = 0; i < result.length() && out.hasRemaining(); i++) {
                    out.put(Utf8Escapes.escape(bytes.get()));
                }
                continue;
            }
            if (result.isOverflow()) {
                break;
            }
            // underflow: more bytes are needed
            if (eof) {
                if (bytes.hasRemaining()) {
                    continue; // a truncated sequence at the end is reported as an error above
                }
                decoder.flush(out);
                done = true;
                return out.position() == off ? -1 : out.position() - off;
            }
            fill();
        }
        return out.position() - off;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
