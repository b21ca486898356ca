package org.borderflows.intake;

import java.io.Closeable;
import java.io.IOException;

/**
 * A streaming reader of card records: one record at a time, never the whole body in memory. A record that
 * cannot be read comes back as a {@link RawCard#isMalformed() malformed} card, so the caller can reject it and
 * go on; only an I/O failure of the underlying stream throws.
 */
public interface CardReader extends Closeable {
    /** The next record, or null at the end of the input. */
    RawCard next() throws IOException;
}
