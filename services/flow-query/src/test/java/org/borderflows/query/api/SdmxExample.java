package org.borderflows.query.api;

import java.time.LocalDate;
import org.borderflows.query.CubeLoader;
import org.borderflows.query.Fixtures;
import org.borderflows.query.tables.Cube;
import org.borderflows.schema.Direction;
import org.borderflows.schema.DurationClass;
import org.borderflows.schema.ResidenceStatus;

/** The small cube of the SDMX tests. */
final class SdmxExample {
    private SdmxExample() {}

    /**
     * Clock 2026-03-15. 2024-11: 9 TJK arrivals ending as long-term migrations, 3 not, 7 UZB that did (all final);
     * 2025-11: 10 TJK and 2 UZB provisional arrivals, 7 TJK resident departures in 2025-12 (provisional); 7 open
     * stays started in February 2026.
     */
    static void load(Cube cube) {
        if (cube.size() > 0) {
            return;
        }
        CubeLoader loader = new CubeLoader(cube);
        LocalDate clock = LocalDate.of(2026, 3, 15);
        int n = 0;
        for (int i = 0; i < 12; i++) {
            loader.add(Fixtures.arrival(
                            "c" + n++, LocalDate.of(2024, 11, 3 + i), i < 9, LocalDate.of(2025, 11, 3 + i), clock)
                    .build());
        }
        for (int i = 0; i < 7; i++) {
            loader.add(Fixtures.arrival(
                            "c" + n++, LocalDate.of(2024, 11, 3 + i), true, LocalDate.of(2025, 11, 3 + i), clock)
                    .setCitizenship("UZB")
                    .build());
        }
        for (int i = 0; i < 12; i++) {
            loader.add(Fixtures.arrival(
                            "c" + n++, LocalDate.of(2025, 11, 3 + i), true, LocalDate.of(2026, 11, 3 + i), clock)
                    .setCitizenship(i < 10 ? "TJK" : "UZB")
                    .build());
        }
        for (int i = 0; i < 7; i++) {
            loader.add(Fixtures.arrival(
                            "c" + n++, LocalDate.of(2025, 12, 3 + i), true, LocalDate.of(2026, 12, 3 + i), clock)
                    .setDirection(Direction.EXIT)
                    .setStatusBefore(ResidenceStatus.RESIDENT)
                    .setStatusAfter(ResidenceStatus.NON_RESIDENT)
                    .build());
        }
        for (int i = 0; i < 7; i++) {
            loader.add(Fixtures.openStay("t" + i, LocalDate.of(2026, 2, 1 + i), DurationClass.PENDING, clock)
                    .build());
        }
    }
}
