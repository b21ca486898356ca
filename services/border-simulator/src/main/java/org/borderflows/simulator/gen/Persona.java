package org.borderflows.simulator.gen;

/**
 * The kinds of traveller the simulator draws, with their share of the population (weights, not percentages).
 * Frontier workers are few but cross every working day, so they carry a large share of the crossings.
 */
public enum Persona {
    TOURIST(28),
    BUSINESS_VISITOR(10),
    FAMILY_VISITOR(12),
    TRANSIT_PASSENGER(3),
    STUDENT(5),
    SEASONAL_WORKER(10),
    LABOUR_MIGRANT(7),
    FRONTIER_WORKER(0.6),
    OVERSTAYER(3),
    NATIONAL_TRAVELLER(14),
    NATIONAL_LABOUR_EMIGRANT(5);

    private final double weight;

    Persona(double weight) {
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }

    /** Citizens of the reporting country: their spells are absences. */
    public boolean national() {
        return this == NATIONAL_TRAVELLER || this == NATIONAL_LABOUR_EMIGRANT;
    }
}
