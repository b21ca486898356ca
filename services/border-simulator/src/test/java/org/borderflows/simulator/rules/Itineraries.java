package org.borderflows.simulator.rules;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Purpose;

/** Builds one traveller's crossings with their dates written out; event ids are e1, e2, ... in order. */
final class Itineraries {
    private final List<Xing> crossings = new ArrayList<>();
    private Purpose purpose = Purpose.TOURISM;

    static Itineraries of() {
        return new Itineraries();
    }

    Itineraries purpose(Purpose p) {
        this.purpose = p;
        return this;
    }

    Itineraries entry(LocalDate date) {
        return add(Direction.ENTRY, date);
    }

    Itineraries exit(LocalDate date) {
        return add(Direction.EXIT, date);
    }

    private Itineraries add(Direction d, LocalDate date) {
        int n = crossings.size() + 1;
        crossings.add(new Xing(
                "e" + n,
                d,
                date.atTime(8 + n % 10, 0).toInstant(ZoneOffset.ofHours(5)),
                date,
                "KZ-ALA-AIR",
                purpose,
                "KZ" + n));
        return this;
    }

    List<Xing> list() {
        return List.copyOf(crossings);
    }
}
