package org.borderflows.simulator.gen;

/**
 * Fault rates, each a probability per card (lost exits: per exit card). Defaults 1% each, the rate at which the
 * accuracy target (99.9% of all-delivered travellers agree) is measured.
 */
public record FaultRates(double duplicate, double reordered, double lostExit, double late, double invalid) {
    public static final FaultRates NONE = new FaultRates(0, 0, 0, 0, 0);

    public static FaultRates all(double rate) {
        return new FaultRates(rate, rate, rate, rate, rate);
    }

    public FaultRates {
        for (double r : new double[] {duplicate, reordered, lostExit, late, invalid}) {
            if (r < 0 || r > 0.5) {
                throw new IllegalArgumentException("fault rates must be between 0 and 0.5, got " + r);
            }
        }
    }
}
