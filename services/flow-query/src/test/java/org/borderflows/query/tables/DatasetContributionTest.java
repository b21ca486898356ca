package org.borderflows.query.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.borderflows.query.Fixtures;
import org.borderflows.query.topology.Contribution;
import org.borderflows.query.topology.Contributions;
import org.borderflows.schema.Direction;
import org.borderflows.schema.DurationClass;
import org.borderflows.schema.QualityIssue;
import org.borderflows.schema.SpellKind;
import org.borderflows.schema.TableCell;
import org.junit.jupiter.api.Test;

/**
 * A dataset is one definition ({@link Datasets.Dataset}): its contribution writes the cells its catalogue
 * describes. A dataset added without a contribution, or whose contribution forgets a catalogued dimension or writes
 * a value outside its value set, fails here instead of answering with empty or unfilterable tables.
 */
class DatasetContributionTest {
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    /**
     * Engine values that reach every dataset: a WORK stay entered on 1 January 2025 whose latest authorised exit was
     * 31 March 2025, open, and the same stay closed on 20 June 2025 as a labour migrant's, 81 days over; a frontier
     * worker's day trip out on 3 February 2025, the first of its month; an arrival of 10 January 2025 under review
     * until 10 January 2026 and its crossing; a duplicate found on 1 March 2025; a record rejected on 2 March 2025.
     */
    private static List<TableCell> cellsOfEveryValue() {
        Contributions contributions = Datasets.contributions();
        LocalDate entry = LocalDate.of(2025, 1, 1);
        LocalDate authorisedUntil = LocalDate.of(2025, 3, 31);
        LocalDate tripDay = LocalDate.of(2025, 2, 3);
        List<TableCell> cells = new ArrayList<>();
        cells.addAll(contributions.of(Fixtures.openStay("t1", entry, DurationClass.PENDING, entry)
                .setLatestAuthorisedExit(authorisedUntil)
                .build()));
        cells.addAll(contributions.of(Fixtures.closedStay("t1", entry, LocalDate.of(2025, 6, 20), DurationClass.VISIT)
                .setLatestAuthorisedExit(authorisedUntil)
                .setOverstayDays(81)
                .setLabour(true)
                .build()));
        cells.addAll(contributions.of(Fixtures.closedStay("t2", tripDay, tripDay, DurationClass.VISIT)
                .setKind(SpellKind.ABSENCE)
                .setBorderWorker(true)
                .setFirstBorderWorkerSpellOfMonth(true)
                .build()));
        cells.addAll(contributions.of(Fixtures.arrival(
                        "a1", LocalDate.of(2025, 1, 10), true, LocalDate.of(2026, 1, 10), LocalDate.of(2025, 1, 10))
                .build()));
        cells.addAll(contributions.of(Fixtures.crossing("c1", LocalDate.of(2025, 1, 10), Direction.ENTRY)));
        cells.addAll(contributions.of(
                Fixtures.quality(QualityIssue.DUPLICATE, "d1", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 1))));
        cells.addAll(
                contributions.of(Fixtures.rejected(7, Instant.parse("2025-03-02T05:00:00Z"), "BAD_FORMAT"), ALMATY));
        return cells;
    }

    @Test
    void everyDatasetWithCellsOfItsOwnHasAContributionThatWritesThem() {
        Set<String> written = new HashSet<>();
        for (TableCell cell : cellsOfEveryValue()) {
            written.add(cell.getDataset());
        }
        for (Datasets.Dataset dataset : Datasets.all()) {
            if (dataset.cells().equals(dataset.name())) {
                assertThat(written)
                        .as("%s reads its own cells: its contribution must write some", dataset.name())
                        .contains(dataset.name());
            } else {
                assertThat(dataset.contribution())
                        .as("%s reads the cells of %s: it contributes none", dataset.name(), dataset.cells())
                        .isSameAs(Contribution.NONE);
                assertThat(written).doesNotContain(dataset.name());
            }
        }
        assertThat(written)
                .as("cells go to catalogued datasets and the agency's overstayer list only")
                .allMatch(name -> Datasets.get(name) != null || name.equals(Datasets.OVERSTAYERS));
    }

    @Test
    void everyCellHoldsEveryCataloguedDimensionWithAnAllowedValue() {
        for (TableCell cell : cellsOfEveryValue()) {
            Datasets.Dataset dataset = Datasets.get(cell.getDataset());
            if (dataset == null) {
                continue; // the overstayer list: per person, not catalogued
            }
            for (Datasets.Dimension dimension : dataset.dimensions()) {
                if (dimension == Datasets.MONTH) {
                    assertThat(dimension.accepts(cell.getMonth())).isTrue();
                    continue;
                }
                String value = cell.getDimensions().get(dimension.name());
                assertThat(value)
                        .as("%s cell %s: dimension %s", dataset.name(), cell.getDimensions(), dimension.name())
                        .isNotNull()
                        .matches(dimension::accepts, dimension.allowed());
            }
        }
    }
}
