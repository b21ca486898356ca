package org.borderflows.engine.topology;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.borderflows.domain.CrossingFact;
import org.borderflows.domain.Evaluation;
import org.borderflows.domain.TravellerTimeline;
import org.borderflows.platform.Topic;
import org.borderflows.platform.streams.BeforeCommit;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.QualityIssue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's one processor: per traveller, applies each crossing to the kept history, re-evaluates it with
 * {@link TravellerTimeline#evaluate} (RULES.md §3-§5, §7), and writes only the values whose facts changed. Its parts:
 * {@link TaskClock} (the processing clock and its broadcast), {@link HeldStates} (states held per commit),
 * {@link OutputChanges} (what changed, tombstones), {@link OutputBuffer} (values held per commit, latest per key),
 * {@link CatchUp} (travellers whose values wait while the task is far behind its input), {@link ArchiveHolds}
 * (travellers held for an archive load in progress).
 *
 * <p><b>Facts, not time</b> (RULES.md §8): a value is written when a crossing, a correction or a late record changes
 * its facts and dates, never because the clock passed a threshold. Its clock-dependent fields (an open spell's
 * class, an outcome's provisional flag, a suspected overstay) hold their values at the value's {@code asOf};
 * readers derive them at their own clock with {@link org.borderflows.domain.AtClock}. So there are no reviews.
 *
 * <p>The <b>processing clock</b> (RULES.md §8, {@link TaskClock}) is never the wall clock: the event time the bulk
 * of this partition's crossings has reached (one border post or one card far ahead cannot move it), or the latest
 * clock tick other tasks broadcast (so quiet partitions advance too). Values are evaluated at its date (their {@code asOf}). What a crossing still to come may
 * change (lateness, pruning) is judged on the traveller's own crossings only, never on a clock: a partition's
 * clock depends on how the intake tasks' outputs and other tasks' ticks happen to interleave.
 *
 * <p>Runbook of one crossing:
 *
 * <ol>
 *   <li>a crossing of an archive load in progress, or any crossing of a traveller held for one, joins the history
 *       and nothing is written until the load is complete ({@link ArchiveHolds}, RULES.md §8: an archive beside
 *       live traffic is classified against its own progress); then the traveller is evaluated and written once;
 *   <li>a crossing dated more than the horizon before the traveller's latest crossing is late: it is not applied,
 *       it goes to {@code late-crossings} with a LATE finding;
 *   <li>otherwise it joins the history (in any order: the rules sort, and count duplicates once), the history is
 *       evaluated at the processing clock, and every spell, outcome, finding and the status whose fingerprint
 *       changed is written; an output key no longer produced is retracted with a tombstone (written values are
 *       held until the task commits, the latest per key); a crossing older than the traveller's latest that
 *       changed an outcome already final is counted as REVISED_AFTER_FINAL ({@link RevisedAfterFinal});
 *   <li>the history is pruned at the traveller's latest date (final crossings that no crossing dated on or after
 *       latest - horizon can reach are folded into a carry), and its state is held until the task commits.
 * </ol>
 *
 * <p><b>Catching up</b>: a crossing received longer ago than {@link EngineSettings#catchUpBehind} (a replay, a
 * backfill, a restart after downtime) joins the history without an evaluation; the traveller waits in
 * {@link CatchUp} and its values are evaluated and written once, with the latest facts, when its chunk is
 * published: at the commit, oldest chunks first, while more than {@link CatchUp#CAPACITY} travellers wait or the
 * oldest has waited {@link #PUBLISH_AFTER}; everything, {@link #CHUNKS_PER_COMMIT} chunks a commit, once a crossing
 * received recently comes (live again, {@link EngineSettings#caughtUp}) or no task of the instance took one in
 * {@link #IDLE_CHECKS} checks in a row (the input is exhausted, {@link InputActivity}: a wall-clock punctuation every
 * {@link #IDLE_CHECK}, which also publishes for up to {@link #PUBLISH_BUDGET}). One traveller is published at once
 * before its history is pruned, and when a crossing older than its latest arrives (§5 REVISED_AFTER_FINAL
 * compares the evaluations before and after it). The values are the same as live: only when they are written, and
 * their {@code asOf}, differ.
 *
 * <p>Longer than most classes here on purpose: it is the runbook above, a method per step, and the one place that
 * sees a crossing through all of them; each step's rules are in the classes it names.
 */
final class TravellerProcessor implements Processor<String, Crossing, String, EngineOutput> {
    /** Prune only once a history is longer than this: most travellers cross a few times and never need it. */
    private static final int PRUNE_ABOVE = 6;

    /** Outputs held at most per task before the commit (see {@link OutputBuffer}). */
    static final int MAX_PENDING_OUTPUTS = 10_000;

    /** Traveller states held at most per task before the commit (see {@link HeldStates}). */
    static final int MAX_HELD_STATES = 10_000;

    /**
     * While catching up, a traveller waits at most about this long (wall clock), so readers see progress: long enough
     * that a replay brings most travellers' later crossings before it (a year of cards replays in about 40 s), short
     * enough that the tables show a replay's progress every few minutes.
     */
    static final Duration PUBLISH_AFTER = Duration.ofSeconds(180);

    /** Chunks published at most per commit beyond those over capacity: a transaction stays short. */
    static final int CHUNKS_PER_COMMIT = 2;

    /** How often a catching-up task checks whether its input is exhausted (see {@link #IDLE_CHECKS}). */
    static final Duration IDLE_CHECK = Duration.ofSeconds(1);

    /**
     * Checks in a row without a crossing (of any task of the instance) that mean the input is exhausted. One is not
     * enough: a check that runs right after the instance was held up (a pause, a long commit) finds no crossing since
     * the one before although the input is far from exhausted.
     */
    static final int IDLE_CHECKS = 2;

    /** How long one idle check may publish (the commit that follows carries it). */
    static final Duration PUBLISH_BUDGET = Duration.ofMillis(500);

    private static final Logger LOG = LoggerFactory.getLogger(TravellerProcessor.class);

    private final EngineSettings settings;
    /** Crossings taken by every task of this instance: the input is exhausted when none takes one. */
    private final InputActivity activity;

    private final AvroSerde<Crossing> crossingSerde = AvroSerde.of(Crossing.class);
    private final OutputEncoder encoder = new OutputEncoder();
    private final OutputBuffer outputs = new OutputBuffer(encoder, this::send, MAX_PENDING_OUTPUTS);
    private final OutputChanges changes = new OutputChanges(encoder, outputs);
    private ProcessorContext<String, EngineOutput> context;
    private HeldStates states;
    private TaskClock clock;
    private CatchUp catchUp;
    private ArchiveHolds holds;
    /** Behind its input: crossings' values wait in {@link #catchUp} ({@link EngineSettings#catchingUp}). */
    private boolean catchingUp;
    /** Live again or input exhausted: everything waiting is published, chunk by chunk. */
    private boolean draining;

    /** {@link InputActivity#crossings} at the last idle check. */
    private long crossingsAtIdleCheck;
    /** Checks in a row that found no crossing, of any task of the instance, since the one before. */
    private int idleChecks;

    TravellerProcessor(EngineSettings settings, InputActivity activity) {
        this.settings = settings;
        this.activity = activity;
    }

    /**
     * Everything in memory is rebuilt here from the stores, never carried over: Kafka Streams calls {@code init}
     * again on the same processor instance when it revives a task (e.g. a corrupted task under exactly-once, after
     * an aborted transaction): the stores are back at the last commit and the records since are processed again,
     * so the ticks of that stretch must be broadcast again too.
     */
    @Override
    public void init(ProcessorContext<String, EngineOutput> context) {
        this.context = context;
        boolean holding = BeforeCommit.register(context, StayTopology.BEFORE_COMMIT, this::beforeCommit);
        this.states = new HeldStates(context.getStateStore(StayTopology.TRAVELLERS_STORE), MAX_HELD_STATES, holding);
        this.clock = new TaskClock(
                context.getStateStore(StayTopology.CLOCK_STORE),
                settings.deployment().timeZone());
        this.outputs.reset(holding);
        this.catchUp =
                new CatchUp(context.getStateStore(StayTopology.DEFERRED_STORE), holding, context.currentSystemTimeMs());
        this.holds = new ArchiveHolds(
                context.getStateStore(StayTopology.ARCHIVE_HOLDS_STORE),
                context.getStateStore(StayTopology.CLOCK_STORE));
        this.catchingUp = false;
        this.draining = false;
        this.crossingsAtIdleCheck = activity.crossings();
        this.idleChecks = 0;
        // also when no record comes: a commit follows a punctuation
        context.schedule(IDLE_CHECK, PunctuationType.WALL_CLOCK_TIME, wallMs -> {
            if (clock.broadcastDue(wallMs)) {
                broadcast(clock.ownTime()); // a date held back by the broadcasts' pace (TaskClock)
            }
            checkIdle();
            releaseArchived(PUBLISH_BUDGET);
        });
    }

    @Override
    public void process(Record<String, Crossing> record) {
        Crossing crossing = record.value();
        if (crossing == null) {
            return;
        }
        long now = clock.advance(
                crossing.getBorderPost(), crossing.getCrossedAt().toEpochMilli(), context.currentStreamTimeMs());
        if (clock.broadcastDue(context.currentSystemTimeMs())) {
            broadcast(clock.ownTime());
        }
        activity.crossing();
        long offset = context.recordMetadata().map(m -> m.offset()).orElse(-1L);
        holds.processed(offset);
        long wallMs = context.currentSystemTimeMs();
        long receivedMs = crossing.getIntake().getReceivedAt().toEpochMilli();
        catchingUp = catchingUp ? !settings.caughtUp(receivedMs, wallMs) : settings.catchingUp(receivedMs, wallMs);
        if (!catchingUp && !catchUp.isEmpty()) {
            startDraining("live again"); // a crossing received recently
        }
        LocalDate today = settings.clockDate(now);
        CrossingFact fact = CrossingFact.from(crossing);
        String travellerId = crossing.getTravellerId();
        TravellerState state = states.load(travellerId);
        if (state == null) {
            state = TravellerState.empty();
        }
        String load = crossing.getIntake().getArchiveLoad();
        ArchiveHolds.Hold hold = holds.get(travellerId);
        if (load != null || hold != null) {
            applyHeld(crossing, fact, state, hold, load, offset, today, now);
            return;
        }
        if (isLate(state, fact)) {
            rejectLate(crossing, today, now);
            return;
        }
        // Only a crossing older than the traveller's latest can change an outcome already final (RULES.md §5).
        boolean older = state.latestDate != null && fact.date().isBefore(state.latestDate);
        Evaluation before = older ? evaluate(state, today) : null;
        state.crossings.add(fact);
        if (state.latestDate == null || fact.date().isAfter(state.latestDate)) {
            state.latestDate = fact.date();
        }
        boolean deferred = catchingUp && !older;
        if (deferred) {
            if (catchUp.isEmpty()) {
                LOG.info(
                        "task {}: catching up (crossings received {} s ago): travellers' values wait, written once",
                        context.taskId(),
                        (wallMs - receivedMs) / 1000);
            }
            catchUp.defer(travellerId, wallMs);
        } else {
            Evaluation evaluation = publish(travellerId, state, today, now);
            if (before != null) {
                RevisedAfterFinal.findings(before, evaluation, today).forEach(f -> changes.writeFinding(f, now));
            }
        }
        if (state.crossings.size() > PRUNE_ABOVE) {
            prune(travellerId, state, deferred, today, now);
        }
        states.hold(travellerId, state);
    }

    /**
     * RULES.md §8, an archive beside live traffic: a crossing of an archive load in progress, or any crossing of a
     * traveller held for one, joins the history; nothing is evaluated or written until the load is complete
     * ({@link ArchiveHolds}), and the history is not pruned meanwhile (pruning judges finality, which the
     * archive's crossings still to come may change). An archived crossing's lateness is judged against the
     * traveller's latest crossing of the same load, not against live crossings of later years.
     */
    private void applyHeld(
            Crossing crossing,
            CrossingFact fact,
            TravellerState state,
            ArchiveHolds.Hold hold,
            String load,
            long offset,
            LocalDate today,
            long now) {
        boolean late = load == null
                ? isLate(state, fact)
                : ArchiveHolds.isLate(hold, load, fact, state, settings.horizonDays());
        if (late) {
            rejectLate(crossing, today, now);
            return;
        }
        state.crossings.add(fact);
        if (state.latestDate == null || fact.date().isAfter(state.latestDate)) {
            state.latestDate = fact.date();
        }
        if (load != null) {
            holds.hold(crossing.getTravellerId(), hold, load, offset, fact.date());
        }
        states.hold(crossing.getTravellerId(), state);
    }

    /** Writes the travellers whose archive load is complete ({@link ArchiveHolds}), for at most {@code budget}. */
    private void releaseArchived(Duration budget) {
        long until = System.nanoTime() + budget.toNanos();
        List<String> released;
        do {
            released = holds.releaseComplete(CatchUp.CHUNK);
            for (String travellerId : released) {
                TravellerState state = states.load(travellerId);
                if (state != null) {
                    long now = clockFor(state);
                    LocalDate today = settings.clockDate(now);
                    publish(travellerId, state, today, now);
                    if (state.crossings.size() > PRUNE_ABOVE) {
                        prune(travellerId, state, false, today, now);
                    }
                    states.hold(travellerId, state);
                }
            }
        } while (released.size() == CatchUp.CHUNK && System.nanoTime() < until);
    }

    /** The processing clock; before the clock store holds one, the traveller's own latest date. */
    private long clockFor(TravellerState state) {
        return clock.now() != Long.MIN_VALUE
                ? clock.now()
                : state.latestDate
                        .atStartOfDay(settings.deployment().timeZone())
                        .toInstant()
                        .toEpochMilli();
    }

    private Evaluation evaluate(TravellerState state, LocalDate today) {
        return TravellerTimeline.evaluate(state.carry, state.crossings, today, settings.rules());
    }

    /** Evaluates the traveller's history at {@code today} and writes the values whose facts changed. */
    private Evaluation publish(String travellerId, TravellerState state, LocalDate today, long now) {
        Evaluation evaluation = evaluate(state, today);
        state.emitted = changes.write(travellerId, state.emitted, evaluation, now);
        return evaluation;
    }

    /** Writes the latest values of the oldest chunk of travellers waiting in {@link CatchUp}, at the clock. */
    private void publishOldestChunk() {
        for (String travellerId : catchUp.takeOldest()) {
            TravellerState state = states.load(travellerId);
            if (state != null && holds.get(travellerId) == null) { // a held traveller is written on release
                long now = clockFor(state);
                publish(travellerId, state, settings.clockDate(now), now);
                states.hold(travellerId, state);
            }
        }
        if (catchUp.isEmpty()) {
            draining = false;
        }
    }

    /** Everything waiting is published from now on, chunk by chunk; logged once per drain with its cause. */
    private void startDraining(String cause) {
        if (!draining) {
            LOG.info("task {}: {}, publishing the travellers waiting ({})", context.taskId(), cause, catchUp.size());
            draining = true;
        }
    }

    /**
     * Wall-clock check while catching up: when no task of the instance took a crossing in {@link #IDLE_CHECKS}
     * checks in a row, the input is exhausted and everything waiting is published, for up to {@link #PUBLISH_BUDGET} now and in the commits that follow.
     */
    private void checkIdle() {
        long crossings = activity.crossings();
        idleChecks = crossings != crossingsAtIdleCheck ? 0 : idleChecks + 1;
        crossingsAtIdleCheck = crossings;
        if (!catchUp.isEmpty() && idleChecks >= IDLE_CHECKS) {
            startDraining("input exhausted");
        }
        long until = System.nanoTime() + PUBLISH_BUDGET.toNanos();
        while (draining && System.nanoTime() < until) {
            publishOldestChunk();
        }
    }

    /**
     * RULES.md §9 "late records": a crossing that arrives after later crossings of the same traveller and is dated
     * more than the horizon (30 days by default) before the latest of them. Outputs that old have been published,
     * may be final and their crossings pruned; they are not rewritten.
     *
     * <p>Measured against the traveller's own latest crossing, not a clock. A crossings partition interleaves the
     * outputs of all intake tasks, which at backfill speed run weeks of crossing time apart, and other tasks' ticks
     * move the processing clock whenever they arrive: judged against either, lateness would depend on that
     * interleaving and differ between a run and its replay. Only each traveller's own order survives the intake
     * (one inbound partition, one intake task). So a traveller's first crossing, or one newer than all its others,
     * is never late.
     */
    private boolean isLate(TravellerState state, CrossingFact fact) {
        return state.latestDate != null && fact.date().isBefore(state.latestDate.minusDays(settings.horizonDays()));
    }

    private void rejectLate(Crossing crossing, LocalDate today, long now) {
        send(Topic.LATE_CROSSINGS, crossing.getTravellerId(), crossingSerde.serialize(null, crossing), now);
        changes.writeFinding(
                QualityEvent.newBuilder()
                        .setIssue(QualityIssue.LATE)
                        .setEventId(crossing.getEventId())
                        .setTravellerId(crossing.getTravellerId())
                        .setCrossingDate(crossing.getCrossingDate())
                        .setBorderPost(crossing.getBorderPost())
                        .setOccurrences(1)
                        .setAsOf(today)
                        .build(),
                now);
    }

    /**
     * Drops crossings no rule can look at again. Their outputs stay published as they are (final): their tags
     * are forgotten, so they are neither rewritten nor retracted later.
     *
     * <p>At the traveller's latest date: {@code TravellerTimeline.prune} keeps every crossing that a crossing dated
     * on or after {@code latest - horizon} can reach, and {@link #isLate} lets in only such crossings (the latest
     * date never goes back). Finality is judged at that date too: never later than at the processing clock, so
     * nothing still provisional there is dropped.
     */
    private void prune(String travellerId, TravellerState state, boolean deferred, LocalDate today, long now) {
        TravellerTimeline.Pruned pruned = TravellerTimeline.prune(
                state.carry, state.crossings, state.latestDate, settings.rules(), settings.horizonDays());
        if (pruned.kept().size() == state.crossings.size()) {
            return;
        }
        if (deferred) {
            publish(travellerId, state, today, now); // a dropped crossing's outputs are final: written, then forgotten
        }
        Set<String> kept = new HashSet<>();
        pruned.kept().forEach(f -> kept.add(f.eventId()));
        state.carry = pruned.carry();
        state.crossings.clear();
        state.crossings.addAll(pruned.kept());
        OutputChanges.keepOnly(state.emitted, kept);
    }

    /**
     * Just before each commit: chunks of waiting travellers that are due are published (over capacity, waiting too
     * long, or draining), the travellers first deferred since the last commit are logged, the held states go to the
     * store and the held outputs to their topics.
     */
    private void beforeCommit() {
        long wallMs = context.currentSystemTimeMs();
        for (int published = 0;
                !catchUp.isEmpty()
                        && (catchUp.size() > CatchUp.CAPACITY
                                || published < CHUNKS_PER_COMMIT
                                        && (draining || wallMs - catchUp.oldestSinceMs() >= PUBLISH_AFTER.toMillis()));
                published++) {
            publishOldestChunk();
        }
        releaseArchived(Duration.ZERO);
        holds.storePosition();
        catchUp.logBeforeCommit();
        states.storeAll();
        outputs.flush();
    }

    /** Tells every task this partition's event time (the clock topic is read by every task; see StayTopology). */
    private void broadcast(long crossedAtMs) {
        send(
                Topic.ENGINE_CLOCK,
                settings.applicationId(),
                ByteBuffer.allocate(8).putLong(crossedAtMs).array(),
                crossedAtMs);
    }

    private void send(Topic topic, String key, byte[] value, long timestamp) {
        context.forward(new Record<>(key, new EngineOutput(topic, value), timestamp));
    }
}
