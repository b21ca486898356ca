package org.borderflows.query.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.borderflows.query.topology.Cells;
import org.borderflows.schema.TableCell;
import org.junit.jupiter.api.Test;

class CubeTest {
    private static TableCell crossing(int month, String post, String citizenship, double count) {
        Map<String, String> dims = new TreeMap<>(Map.of(
                "borderPost", post,
                "direction", "ENTRY",
                "residenceStatus", "NON_RESIDENT",
                "citizenship", citizenship,
                "sex", "F",
                "ageGroup", "30-34",
                "purpose", "WORK"));
        return Cells.of("crossings", LocalDate.of(2025, month, 1), dims, count, LocalDate.of(2025, 12, 31));
    }

    @Test
    void aPackedCellReadsBackItsMonthDimensionsAndCount() {
        Cube cube = new Cube();
        TableCell cell = crossing(3, "KZ-KOR-ROAD", "UZB", 7);
        cube.apply(Cells.key(cell), cell);

        Cell read = cube.read(() -> cube.cells("crossings").iterator().next());

        assertThat(Cube.yearMonth(read.month())).hasToString("2025-03");
        assertThat(read.dims()).isEqualTo(cell.getDimensions());
        assertThat(read.count()).isEqualTo(7.0);
    }

    @Test
    void aTombstoneRemovesThePackedCellNamedByItsKey() {
        Cube cube = new Cube();
        TableCell a = crossing(3, "KZ-KOR-ROAD", "UZB", 7);
        TableCell b = crossing(4, "KZ-KOR-ROAD", "UZB", 2);
        cube.apply(Cells.key(a), a);
        cube.apply(Cells.key(b), b);

        cube.apply(Cells.key(a), null);

        assertThat(cube.size()).isEqualTo(1);
        assertThat(cube.read(() -> cube.cells("crossings").iterator().next().count()))
                .isEqualTo(2.0);
    }

    @Test
    void theHashTableAgreesWithAHashMapUnderRandomPutsAndRemoves() {
        LongDoubleMap map = new LongDoubleMap();
        Map<Long, Double> reference = new HashMap<>();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            long key = random.nextLong(5_000);
            if (random.nextInt(3) == 0) {
                map.remove(key);
                reference.remove(key);
            } else {
                double value = random.nextInt(100);
                map.put(key, value);
                reference.put(key, value);
            }
        }
        assertThat(map.size()).isEqualTo(reference.size());
        reference.forEach((k, v) -> assertThat(map.get(k)).isEqualTo(v));
        int seen = 0;
        for (LongDoubleMap.Cursor c = map.cursor(); c.hasNext(); seen++) {
            c.advance();
            assertThat(reference).containsEntry(c.key(), c.value());
        }
        assertThat(seen).isEqualTo(reference.size());
    }

    @Test
    void aRollupAgreesWithTheCellsItSumsUnderRandomUpdatesAndTombstones() {
        Cube cube = new Cube();
        SplittableRandom random = new SplittableRandom(3);
        List<String> posts = List.of("KZ-ALA-AIR", "KZ-KOR-ROAD", "KZ-PTR-RAIL");
        List<String> citizenships = List.of("UZB", "RUS", "TJK", "CHN");
        Runnable randomUpdates = () -> {
            for (int i = 0; i < 3_000; i++) {
                TableCell cell = crossing(
                        1 + random.nextInt(12),
                        posts.get(random.nextInt(posts.size())),
                        citizenships.get(random.nextInt(citizenships.size())),
                        1 + random.nextInt(9));
                cube.apply(Cells.key(cell), random.nextInt(4) == 0 ? null : cell);
            }
        };
        randomUpdates.run();
        List<String> dims = List.of("borderPost");
        assertThat(rollup(cube, dims)).isEqualTo(scan(cube, dims)); // built from the cells
        for (int round = 0; round < 5; round++) {
            randomUpdates.run();
            assertThat(rollup(cube, dims)).isEqualTo(scan(cube, dims)); // kept up to date by every update
        }
        for (TableCell cell : cube.read(() -> new ArrayList<>(cube.cells("crossings"))).stream()
                .map(c -> Cells.of(
                        "crossings",
                        Cube.yearMonth(c.month()).atDay(1),
                        c.dims(),
                        c.count(),
                        LocalDate.of(2025, 12, 31)))
                .toList()) {
            cube.apply(Cells.key(cell), null);
        }
        assertThat(rollup(cube, dims)).isEmpty(); // a group with no cell left is gone, not a zero
    }

    @Test
    void aRollupCellOnlyKnowsTheDimensionsItWasAskedFor() {
        Cube cube = new Cube();
        TableCell cell = crossing(3, "KZ-KOR-ROAD", "UZB", 7);
        cube.apply(Cells.key(cell), cell);

        Cell rolled = cube.read(
                () -> cube.cells("crossings", List.of("citizenship")).iterator().next());

        assertThat(rolled.dim("citizenship")).isEqualTo("UZB");
        assertThat(rolled.dims()).isEqualTo(Map.of("citizenship", "UZB"));
        assertThatThrownBy(() -> rolled.dim("borderPost")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDatasetsVersionMovesWithItsCellsAndWithTheClockOnly() {
        Cube cube = new Cube();
        TableCell a = crossing(3, "KZ-KOR-ROAD", "UZB", 7);
        cube.apply(Cells.key(a), a);
        cube.commit();
        long crossings = cube.version("crossings");
        long spells = cube.version("spells");

        TableCell other = Cells.of(
                "spells",
                LocalDate.of(2025, 3, 1),
                Map.of("kind", "STAY"),
                1,
                LocalDate.of(2025, 12, 31)); // same clock
        cube.apply(Cells.key(other), other);
        cube.commit();
        assertThat(cube.version("crossings")).isEqualTo(crossings);
        assertThat(cube.version("spells")).isGreaterThan(spells);

        TableCell later =
                Cells.of("spells", LocalDate.of(2025, 3, 1), Map.of("kind", "STAY"), 2, LocalDate.of(2026, 1, 1));
        cube.apply(Cells.key(later), later);
        cube.commit();
        assertThat(cube.version("crossings")).isGreaterThan(crossings); // asOf changed: every answer changes
    }

    private static Map<List<String>, Double> rollup(Cube cube, List<String> dims) {
        return cube.read(() -> group(cube.cells("crossings", dims), dims));
    }

    private static Map<List<String>, Double> scan(Cube cube, List<String> dims) {
        return cube.read(() -> group(cube.cells("crossings"), dims));
    }

    private static Map<List<String>, Double> group(Iterable<Cell> cells, List<String> dims) {
        Map<List<String>, Double> out = new HashMap<>();
        for (Cell c : cells) {
            List<String> key = new ArrayList<>();
            key.add(String.valueOf(c.month()));
            for (String d : dims) {
                key.add(c.dim(d));
            }
            out.merge(key, c.count(), Double::sum);
        }
        return out;
    }
}
