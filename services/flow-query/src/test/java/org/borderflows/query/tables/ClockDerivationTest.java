package org.borderflows.query.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borderflows.query.Fixtures;
import org.borderflows.query.topology.CellDimension;
import org.borderflows.query.topology.Contributions;
import org.borderflows.schema.Direction;
import org.borderflows.schema.DurationClass;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.TableCell;
import org.junit.jupiter.api.Test;

/**
 * A dataset's definition says what its answers derive at the clock ({@link ClockDerivation}, RULES.md §8), and the
 * cells its engine values contribute agree: a dataset whose cells hold a date a reader must compare with the clock
 * (a start day, the day an overstay begins) derives from it, so a new dataset cannot forget to, and no dataset
 * derives from a dimension its cells do not hold.
 */
class ClockDerivationTest {
    private static final Contributions CONTRIBUTIONS = Datasets.contributions();

    /** The day-of-month dimensions that date a cell's clock-dependent facts. */
    private static final List<String> DATES = List.of(CellDimension.START_DAY.key(), CellDimension.DAY.key());

    /**
     * Cells of every dataset the engine's values feed: an open WORK stay of 1 January 2025 whose latest authorised
     * exit was 31 March 2025 (a start day, an overstay day and a departure due), the same stay closed on 20 March
     * 2025, an arrival of 10 January 2025 under review until 10 January 2026, and its crossing.
     */
    private static List<TableCell> cellsOfEveryKind() {
        LocalDate entry = LocalDate.of(2025, 1, 1);
        LocalDate exit = LocalDate.of(2025, 3, 20);
        List<TableCell> cells = new ArrayList<>();
        cells.addAll(CONTRIBUTIONS.of(Fixtures.openStay("t1", entry, DurationClass.PENDING, entry)
                .setLatestAuthorisedExit(LocalDate.of(2025, 3, 31))
                .build()));
        cells.addAll(CONTRIBUTIONS.of(Fixtures.closedStay("t1", entry, exit, DurationClass.VISIT)
                .setLatestAuthorisedExit(LocalDate.of(2025, 3, 31))
                .build()));
        cells.addAll(CONTRIBUTIONS.of(Fixtures.arrival(
                        "a1", LocalDate.of(2025, 1, 10), true, LocalDate.of(2026, 1, 10), LocalDate.of(2025, 1, 10))
                .setPurpose(Purpose.WORK)
                .build()));
        cells.addAll(CONTRIBUTIONS.of(Fixtures.crossing("c1", LocalDate.of(2025, 1, 10), Direction.ENTRY)));
        return cells;
    }

    @Test
    void aDatasetWhoseCellsHoldADateDerivesFromIt() {
        List<TableCell> cells = cellsOfEveryKind();
        Set<String> datasets = new HashSet<>();
        for (TableCell cell : cells) {
            datasets.add(cell.getDataset());
            Datasets.Dataset dataset = Datasets.get(cell.getDataset());
            if (cell.getDataset().equals(Datasets.OVERSTAYERS)) {
                continue; // the agency's per-person list, not a table: OverstayerList compares its dates itself
            }
            for (String date : DATES) {
                String value = cell.getDimensions().get(date);
                if (value != null && !value.equals(Contributions.CLOSED)) {
                    assertThat(dataset.atClock().inputs())
                            .as("%s holds %s=%s: its definition must derive from it", dataset.name(), date, value)
                            .contains(date);
                }
            }
        }
        assertThat(datasets)
                .as("the values above reach every dataset whose cells can hold a date")
                .contains(
                        Datasets.SPELLS, Datasets.STOCK, Datasets.LABOUR, Datasets.OVERSTAYS, Datasets.OVERSTAY_RATES);
    }

    @Test
    void aDatasetDerivesOnlyFromDimensionsItsCellsHold() {
        Map<String, Set<String>> held = new java.util.HashMap<>();
        for (TableCell cell : cellsOfEveryKind()) {
            held.computeIfAbsent(cell.getDataset(), k -> new HashSet<>())
                    .addAll(cell.getDimensions().keySet());
        }
        for (Datasets.Dataset dataset : Datasets.all()) {
            if (dataset.atClock().derives()) {
                assertThat(held.getOrDefault(dataset.cells(), Set.of()))
                        .as("%s derives from %s", dataset.name(), dataset.atClock())
                        .containsAll(dataset.atClock().inputs());
            }
        }
    }
}
