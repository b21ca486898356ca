package org.borderflows.benchmarks.query;

import java.util.Locale;
import org.borderflows.query.tables.Cube;

/**
 * Cube size in memory: fills a cube with the cells of N synthetic travellers and reports distinct cells and
 * retained heap (after full GCs). Usage: {@code CubeSizeBench <travellers> [seed]}.
 */
public final class CubeSizeBench {
    private CubeSizeBench() {}

    public static void main(String[] args) throws Exception {
        long travellers = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        long before = usedAfterGc();
        Cube cube = new Cube();
        long start = System.nanoTime();
        long crossings = SyntheticCube.fill(cube, travellers, seed);
        double seconds = (System.nanoTime() - start) / 1e9;
        long after = usedAfterGc();
        long bytes = after - before;
        System.out.printf(
                Locale.ROOT,
                "travellers=%d crossings=%d cells=%d heap=%.1f MiB bytesPerCell=%.0f fill=%.1fs%n",
                travellers,
                crossings,
                cube.size(),
                bytes / 1048576.0,
                bytes / (double) Math.max(1, cube.size()),
                seconds);
        System.out.println("cells per dataset: " + String.join(", ", cube.datasetSizes()));
        if (cube.size() < 0) {
            System.out.println(cube); // keep the cube reachable until measured
        }
    }

    static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
