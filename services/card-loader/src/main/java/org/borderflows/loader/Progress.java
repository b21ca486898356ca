package org.borderflows.loader;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress line on stderr: a bar by bytes of the file read, records, records per second and the time left
 * estimated from the file size. Redrawn in place at most every 250 ms.
 */
final class Progress {
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final long totalBytes;
    private final long started = System.nanoTime();
    private long lastDraw;

    Progress(PrintStream err, long totalBytes) {
        this.err = err;
        this.totalBytes = totalBytes;
    }

    void update(long records, long bytes) {
        long now = System.nanoTime();
        if (now - lastDraw < 250_000_000L) {
            return;
        }
        lastDraw = now;
        err.print('\r' + line(records, bytes, now) + "   ");
        err.flush();
    }

    void finish(long records, long bytes) {
        err.print('\r' + line(records, bytes, System.nanoTime()) + "   \n");
        err.flush();
    }

    String line(long records, long bytes, long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double fraction = totalBytes <= 0 ? 0 : Math.min(1.0, (double) bytes / totalBytes);
        int filled = (int) Math.round(fraction * WIDTH);
        double eta = fraction <= 0 ? Double.NaN : seconds * (1 - fraction) / fraction;
        return String.format(
                Locale.ROOT,
                "[%s%s] %3.0f%%  %,d records  %,.0f records/s  ETA %s",
                "#".repeat(filled),
                ".".repeat(WIDTH - filled),
                fraction * 100,
                records,
                records / seconds,
                duration(eta));
    }

    static String duration(double seconds) {
        if (Double.isNaN(seconds)) {
            return "--:--";
        }
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
