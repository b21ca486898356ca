package org.borderflows.query.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.borderflows.query.Fixtures;
import org.borderflows.query.topology.Contributions;
import org.borderflows.schema.Direction;
import org.borderflows.schema.DurationClass;
import org.borderflows.schema.QualityIssue;
import org.borderflows.schema.TableCell;
import org.junit.jupiter.api.Test;

/**
 * Every cell {@link Contributions} writes packs into the cube's compact form (all its dimensions declared with bits
 * in {@code CellDimension}), except the per-person overstayer list, which is kept as maps. A dimension added
 * without bits would make its dataset silently larger and slower: this fails instead.
 */
class CellPackingTest {
    private static final Contributions CONTRIBUTIONS = Datasets.contributions();

    private static final LocalDate CLOCK = LocalDate.of(2026, 3, 15);

    @Test
    void everyDatasetButTheOverstayerListIsPacked() {
        List<TableCell> cells = new ArrayList<>();
        cells.addAll(CONTRIBUTIONS.of(
                Fixtures.arrival("a1", LocalDate.of(2025, 11, 3), true, LocalDate.of(2026, 11, 3), CLOCK)
                        .build()));
        cells.addAll(CONTRIBUTIONS.of(Fixtures.openStay("t1", LocalDate.of(2025, 1, 10), DurationClass.PENDING, CLOCK)
                .setLatestAuthorisedExit(LocalDate.of(2025, 4, 9))
                .build()));
        cells.addAll(CONTRIBUTIONS.of(
                Fixtures.closedStay("t2", LocalDate.of(2025, 1, 10), LocalDate.of(2025, 6, 1), DurationClass.SHORT_TERM)
                        .setLabour(true)
                        .setLatestAuthorisedExit(LocalDate.of(2025, 4, 9))
                        .setOverstayDays(53)
                        .build()));
        cells.addAll(CONTRIBUTIONS.of(
                Fixtures.closedStay("t3", LocalDate.of(2025, 2, 2), LocalDate.of(2025, 2, 3), DurationClass.VISIT)
                        .setBorderWorker(true)
                        .setFirstBorderWorkerSpellOfMonth(true)
                        .build()));
        cells.addAll(CONTRIBUTIONS.of(Fixtures.quality(QualityIssue.DUPLICATE, "e9", LocalDate.of(2025, 3, 1), CLOCK)));
        cells.addAll(CONTRIBUTIONS.of(
                Fixtures.rejected(7, Instant.parse("2025-03-01T10:00:00Z"), "MISSING"), ZoneId.of("Asia/Almaty")));
        cells.addAll(CONTRIBUTIONS.of(Fixtures.crossing("e10", LocalDate.of(2025, 3, 1), Direction.ENTRY)));

        assertThat(cells)
                .extracting(TableCell::getDataset)
                .contains(
                        Datasets.CROSSINGS,
                        Datasets.MIGRATION,
                        Datasets.SPELLS,
                        Datasets.STOCK,
                        Datasets.LABOUR,
                        Datasets.OVERSTAYS,
                        Datasets.OVERSTAYERS,
                        Datasets.OVERSTAY_RATES,
                        Datasets.BORDER_WORKERS,
                        Datasets.QUALITY);
        assertThat(cells)
                .filteredOn(c -> !c.getDataset().equals(Datasets.OVERSTAYERS))
                .allSatisfy(
                        c -> assertThat(CellSchema.packable(c.getDimensions().keySet()))
                                .as("%s %s", c.getDataset(), c.getDimensions().keySet())
                                .isTrue());
        assertThat(cells)
                .filteredOn(c -> c.getDataset().equals(Datasets.OVERSTAYERS))
                .allSatisfy(
                        c -> assertThat(CellSchema.packable(c.getDimensions().keySet()))
                                .isFalse());
    }
}
