package org.borderflows.query.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
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

        Cube.Cell read = cube.read(() -> cube.cells("crossings").iterator().next());

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
}
