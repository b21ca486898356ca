package org.borderflows.query.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.borderflows.domain.RuleSettings;
import org.borderflows.query.CubeLoader;
import org.borderflows.query.Fixtures;
import org.borderflows.query.tables.Cube;
import org.borderflows.query.tables.Protection;
import org.borderflows.query.tables.TableQueries;
import org.borderflows.query.topology.Cells;
import org.borderflows.schema.DurationClass;
import org.junit.jupiter.api.Test;

/** The answer cache: one computation per question and dataset version, bounded staleness, shared computations. */
class QueryServiceTest {
    private static final LocalDate CLOCK = LocalDate.of(2026, 3, 15);
    private static final long MS = 1_000_000L;
    private static final Map<String, String> SPELLS_BY_MONTH = Map.of("by", "month");

    private final Cube cube = new Cube();
    private final CubeLoader load = new CubeLoader(cube);
    private final AtomicLong now = new AtomicLong(1_000 * MS);
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private int computations;
    private final Executor inline = task -> {
        computations++;
        task.run();
    };
    private final Executor queued = task -> {
        computations++;
        tasks.add(task);
    };

    private QueryService service(Executor executor) {
        TableQueries queries = new TableQueries(
                cube, new Protection("k".getBytes(StandardCharsets.UTF_8)), 1, RuleSettings.defaults("KAZ"));
        return new QueryService(queries, 1_000, now::get, executor);
    }

    private void addStay(String id) {
        load.add(Fixtures.openStay(id, LocalDate.of(2026, 2, 1), DurationClass.PENDING, CLOCK)
                .build());
    }

    private static String spells(QueryService service) {
        return service.dataset("spells", SPELLS_BY_MONTH, false, false).body();
    }

    @Test
    void aQuestionIsComputedOnceUntilItsDatasetChangesWhateverTheParameterOrder() {
        addStay("a");
        QueryService service = service(inline);

        String first = service.dataset("spells", Map.of("by", "month", "kind", "STAY"), false, false)
                .body();
        String again = service.dataset(
                        "spells", new java.util.TreeMap<>(Map.of("kind", "STAY", "by", "month")), false, false)
                .body();

        assertThat(again).isEqualTo(first);
        assertThat(computations).isEqualTo(1);
    }

    @Test
    void aChangeToAnotherDatasetKeepsTheAnswer() {
        addStay("a");
        QueryService service = service(inline);
        spells(service);

        load.add(Cells.of("crossings", LocalDate.of(2026, 3, 1), Map.of("direction", "ENTRY"), 1, CLOCK)); // same clock
        now.addAndGet(5_000 * MS);
        spells(service);

        assertThat(computations).isEqualTo(1);
    }

    @Test
    void anUpdateIsServedStaleWithinTheBoundAndRefreshedFromHalfOfIt() {
        addStay("a");
        QueryService service = service(inline);
        String before = spells(service);

        addStay("b");
        now.addAndGet(400 * MS); // under half the bound: the cached answer, no computation
        assertThat(spells(service)).isEqualTo(before);
        assertThat(computations).isEqualTo(1);

        now.addAndGet(200 * MS); // past half: still served at once, refreshed behind it
        assertThat(spells(service)).isEqualTo(before);
        assertThat(computations).isEqualTo(2);
        String after = spells(service);
        assertThat(after).isNotEqualTo(before).contains("\"count\":2");
    }

    @Test
    void aCheapAnswerIsRefreshedFromTheRefreshAheadTimeACostlyOneFromTenTimesItsCost() {
        // Each reading of the clock during a computation moves it 15 ms on: a computation costs 15 ms.
        boolean[] inside = {false};
        Executor timed = task -> {
            computations++;
            inside[0] = true;
            try {
                task.run();
            } finally {
                inside[0] = false;
            }
        };
        TableQueries queries = new TableQueries(
                cube, new Protection("k".getBytes(StandardCharsets.UTF_8)), 1, RuleSettings.defaults("KAZ"));
        QueryService service =
                new QueryService(queries, 1_000, 100, () -> inside[0] ? now.addAndGet(15 * MS) : now.get(), timed);
        addStay("a");
        String before = spells(service);

        addStay("b");
        now.addAndGet(120 * MS); // past refresh-ahead (100 ms) but not 10 x 15 ms: served, no computation
        assertThat(spells(service)).isEqualTo(before);
        assertThat(computations).isEqualTo(1);

        now.addAndGet(40 * MS); // past 150 ms: still served at once, refreshed behind it
        assertThat(spells(service)).isEqualTo(before);
        assertThat(computations).isEqualTo(2);
        assertThat(spells(service)).contains("\"count\":2");

        QueryService cheap = new QueryService(queries, 1_000, 100, now::get, inline);
        String cheapBefore = spells(cheap);
        addStay("c");
        now.addAndGet(90 * MS);
        assertThat(spells(cheap)).isEqualTo(cheapBefore);
        now.addAndGet(20 * MS); // a free computation: refreshed from the refresh-ahead time, long before half the bound
        spells(cheap);
        assertThat(spells(cheap)).contains("\"count\":3");
    }

    @Test
    void noAnswerIsServedPastTheBoundOnceItsDatasetChanged() {
        addStay("a");
        QueryService service = service(queued);
        CompletableFuture<QueryService.Rendered> first = service.answer("spells", SPELLS_BY_MONTH, false, false);
        tasks.poll().run();
        String before = first.join().body();

        addStay("b");
        now.addAndGet(1_000 * MS); // at the bound: this request waits for a new computation
        CompletableFuture<QueryService.Rendered> answer = service.answer("spells", SPELLS_BY_MONTH, false, false);
        assertThat(answer).isNotDone();
        tasks.poll().run();
        assertThat(answer.join().body()).isNotEqualTo(before).contains("\"count\":2");

        now.addAndGet(60_000 * MS); // unchanged since: still valid however old
        assertThat(service.answer("spells", SPELLS_BY_MONTH, false, false)).isDone();
        assertThat(service.waitedAnswers()).isEqualTo(2); // the first asking and the one past the bound
    }

    @Test
    void concurrentRequestsForOneQuestionShareOneComputation() {
        addStay("a");
        QueryService service = service(queued);

        CompletableFuture<QueryService.Rendered> a = service.answer("spells", SPELLS_BY_MONTH, false, false);
        CompletableFuture<QueryService.Rendered> b = service.answer("spells", SPELLS_BY_MONTH, false, false);
        CompletableFuture<QueryService.Rendered> csv = service.answer("spells", SPELLS_BY_MONTH, true, false);

        assertThat(computations).isEqualTo(2); // the JSON one, shared, and the CSV one
        tasks.forEach(Runnable::run);
        assertThat(a.join()).isSameAs(b.join());
        assertThat(csv.join().body()).startsWith("month,count");
    }
}
