package org.borderflows.domain;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Evaluations per second of {@link TravellerTimeline}, the stay engine's per-crossing cost, for random itineraries
 * and for frequent travellers whose state is pruned as the engine does. Not a test: run with
 * {@code services/domain/benchmark.sh [itineraries]}.
 */
public final class TimelineBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final int[] GAPS = {1, 5, 30};

    private TimelineBenchmark() {}

    /** CPU seconds of this thread: on a shared machine, wall time says more about the neighbours. */
    private static double cpuSeconds() {
        return THREADS.getCurrentThreadCpuTime() / 1e9;
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Random random = new Random(1L);
        List<List<CrossingFact>> itineraries = new ArrayList<>();
        int crossings = 0;
        for (int i = 0; i < size; i++) {
            List<CrossingFact> itinerary = RandomItineraries.itinerary(random);
            itineraries.add(itinerary);
            crossings += itinerary.size();
        }
        for (int round = 0; round < 3; round++) {
            double start = cpuSeconds();
            long sink = 0;
            for (List<CrossingFact> itinerary : itineraries) {
                // as the engine: one evaluation per arriving crossing, over all crossings so far
                for (int n = 1; n <= itinerary.size(); n++) {
                    List<CrossingFact> seen = itinerary.subList(0, n);
                    sink += TravellerTimeline.evaluate(
                                    null, seen, seen.get(n - 1).date(), Traveller.KAZ)
                            .outcomes()
                            .size();
                }
            }
            double seconds = cpuSeconds() - start;
            System.out.printf(
                    "random itineraries: %d crossings, %.0f evaluations per CPU second (sink %d)%n",
                    crossings, crossings / seconds, sink);
        }
        for (int gap : GAPS) {
            Traveller t = Traveller.foreigner();
            TravellerCarry carry = null;
            List<CrossingFact> state = new ArrayList<>();
            LocalDate day = LocalDate.of(2020, 1, 1);
            double start = cpuSeconds();
            int evaluations = 0;
            int maxState = 0;
            while (day.isBefore(LocalDate.of(2024, 1, 1))) {
                state.add(t.entry("e" + evaluations, day));
                TravellerTimeline.evaluate(carry, state, day, Traveller.KAZ);
                day = day.plusDays(1);
                state.add(t.exit("x" + evaluations, day));
                TravellerTimeline.evaluate(carry, state, day, Traveller.KAZ);
                evaluations += 2;
                day = day.plusDays(gap);
                TravellerTimeline.Pruned pruned = TravellerTimeline.prune(carry, state, day, Traveller.KAZ, 30);
                carry = pruned.carry();
                state = new ArrayList<>(pruned.kept());
                maxState = Math.max(maxState, state.size());
            }
            double seconds = cpuSeconds() - start;
            System.out.printf(
                    "frequent traveller, 1-day stays every %d days: %d crossings, max state %d,"
                            + " %.0f evaluations per CPU second%n",
                    gap + 1, evaluations, maxState, evaluations / seconds);
        }
    }
}
