package org.borderflows.simulator.gen;

import java.time.LocalDate;
import java.util.List;
import org.borderflows.schema.Sex;

/**
 * A simulated traveller and the real itinerary (every crossing over the simulated span, which runs a year
 * before and 16 months after the emitted period so that data begin mid-stay and 12/16 outcomes can be
 * resolved). The document number is synthetic and stable; {@code documentNumberVariant} is the same number
 * written with a dash, as some cards do, which normalises to the same identity (RULES.md §2).
 */
public record SimTraveller(
        int number,
        Persona persona,
        String citizenship,
        String documentCountry,
        String documentNumber,
        String documentNumberVariant,
        LocalDate birthDate,
        Sex sex,
        List<SimCrossing> crossings) {}
