package org.borderflows.simulator.out;

/**
 * Holds a target rate (cards per second; 0 = as fast as possible) and prints progress to stderr about once a
 * second: cards sent, of how many, current rate and the estimated time left.
 */
public final class Pacer {
    private final double rate;
    private final long total;
    private final String label;
    private final long startNanos = System.nanoTime();
    private long sent;
    private long lastPrintNanos = startNanos;
    private long lastPrintSent;

    public Pacer(double rate, long total, String label) {
        this.rate = rate;
        this.total = total;
        this.label = label;
    }

    /** Call before sending each card: sleeps when ahead of the target rate. */
    public void beforeSend() throws InterruptedException {
        if (rate > 0) {
            long due = startNanos + (long) (sent / rate * 1e9);
            long wait = due - System.nanoTime();
            if (wait > 1_000_000) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        sent++;
        long now = System.nanoTime();
        if (now - lastPrintNanos >= 1_000_000_000L) {
            print(now);
        }
    }

    public void done() {
        print(System.nanoTime());
        System.err.println();
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void print(long now) {
        double window = (now - lastPrintNanos) / 1e9;
        double current = window > 0 ? (sent - lastPrintSent) / window : 0;
        double overall = sent / Math.max(1e-9, (now - startNanos) / 1e9);
        long etaSeconds = overall > 0 ? (long) ((total - sent) / overall) : -1;
        System.err.printf(
                "\r%s: %,d / %,d cards (%.1f%%), %,.0f cards/s, ETA %d:%02d   ",
                label,
                sent,
                total,
                total == 0 ? 100.0 : 100.0 * sent / total,
                current,
                etaSeconds / 60,
                etaSeconds % 60);
        lastPrintNanos = now;
        lastPrintSent = sent;
    }
}
