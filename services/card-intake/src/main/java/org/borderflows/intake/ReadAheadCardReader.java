package org.borderflows.intake;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Parses on a second thread while the caller validates, pseudonymises and publishes: the file loader's two
 * main costs then run on two cores. Records travel in chunks of {@value #CHUNK} through a queue of
 * {@value #CHUNKS} chunks, so memory stays bounded and the order of the records is kept. An I/O error of the
 * underlying reader is rethrown to the caller by {@link #next()}.
 */
public final class ReadAheadCardReader implements CardReader {
    static final int CHUNK = 512;
    static final int CHUNKS = 8;
    private static final List<RawCard> END = List.of();

    private final CardReader source;
    private final BlockingQueue<List<RawCard>> queue = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread thread;
    private volatile IOException failure;
    private volatile boolean closed;
    private List<RawCard> current = List.of();
    private int index;
    private boolean ended;

    public ReadAheadCardReader(CardReader source) {
        this.source = source;
        this.thread = new Thread(this::readAll, "card-read-ahead");
        thread.setDaemon(true);
        thread.start();
    }

    private void readAll() {
        try {
            List<RawCard> chunk = new ArrayList<>(CHUNK);
            RawCard card;
            while (!closed && (card = source.next()) != null) {
                chunk.add(card);
                if (chunk.size() == CHUNK) {
                    put(chunk);
                    chunk = new ArrayList<>(CHUNK);
                }
            }
            if (!chunk.isEmpty()) {
                put(chunk);
            }
        } catch (IOException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = new IOException("reading the input failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(List<RawCard> chunk) throws InterruptedException {
        while (!closed && !queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
            // wait for the consumer, unless it closed the reader
        }
    }

    @Override
    public RawCard next() throws IOException {
        while (index >= current.size()) {
            if (ended) {
                return null;
            }
            try {
                current = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading");
            }
            index = 0;
            if (current == END) {
                ended = true;
                if (failure != null) {
                    throw failure;
                }
                return null;
            }
        }
        return current.get(index++);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
