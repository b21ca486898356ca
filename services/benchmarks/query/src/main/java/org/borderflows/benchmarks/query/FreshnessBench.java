package org.borderflows.benchmarks.query;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.Topic;
import org.borderflows.platform.TopicCreator;
import org.borderflows.query.Fixtures;
import org.borderflows.query.tables.Cell;
import org.borderflows.query.tables.Cube;
import org.borderflows.query.tables.Datasets;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.DurationClass;
import org.borderflows.schema.Spell;
import org.borderflows.testkit.KafkaTestCluster;

/**
 * Query-side freshness: on an in-process KRaft broker, publishes new spells at a steady rate and measures, for
 * every k-th spell, the time from its send until the cube's spell count includes it (aggregator with exactly-once
 * commits + cell reader). The card-to-spell part belongs to the stay engine's benchmark. Not a test: a main.
 *
 * <p>Usage: {@code FreshnessBench [perSecond=2000] [seconds=20] [warmUpSeconds=5]}: before the measured run, the
 * same rate is sent for the warm-up seconds (JIT, every task of the aggregator started) and counted in full.
 */
public final class FreshnessBench {
    private FreshnessBench() {}

    private static double spellCount(Cube cube) {
        return cube.read(() -> {
            double sum = 0;
            for (Cell c : cube.cells(Datasets.SPELLS, java.util.List.of())) { // the by-month rollup
                sum += c.count();
            }
            return sum;
        });
    }

    /** Sends {@code total} new spells at {@code perSecond}, recording each send time in {@code sentAt} if long enough. */
    private static void send(
            KafkaSettings settings,
            String clientId,
            String prefix,
            int perSecond,
            int total,
            LocalDate clock,
            long[] sentAt) {
        try (KafkaProducer<String, Spell> producer = new KafkaProducer<>(
                settings.durableProducer(clientId), new StringSerializer(), AvroSerde.of(Spell.class))) {
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + (long) (i * 1e9 / perSecond);
                while (System.nanoTime() < due) {
                    // sleep, not spin: a spinning sender took one of the machine's two cores from the aggregator
                    // and the broker (sentAt is the real send time either way)
                    java.util.concurrent.locks.LockSupport.parkNanos(200_000);
                }
                Spell spell = Fixtures.openStay(prefix + i, clock.minusDays(i % 400), DurationClass.PENDING, clock)
                        .build();
                if (i < sentAt.length) {
                    sentAt[i] = System.nanoTime();
                }
                producer.send(new ProducerRecord<>(Topic.SPELLS.topicName(), spell.getSpellId(), spell));
            }
            producer.flush();
        }
    }

    public static void main(String[] args) throws Exception {
        int perSecond = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int warmUpSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        try (KafkaTestCluster kafka = KafkaTestCluster.start(1)) {
            try (Admin admin = kafka.admin()) {
                TopicCreator.createMissing(admin, (short) 1);
            }
            try (ApplicationContext context = ApplicationContext.run(
                    Map.of(
                            "border-flows.kafka.bootstrap-servers", kafka.bootstrapServers(),
                            "flow-query.kafka.state-dir",
                                    Files.createTempDirectory("freshness").toString(),
                            "micronaut.server.port", -1),
                    "bench")) {
                Cube cube = context.getBean(Cube.class);
                KafkaSettings settings = KafkaSettings.of(kafka.bootstrapServers());
                LocalDate clock = LocalDate.of(2026, 3, 31);
                // Warm-up: wait until the aggregator is running and one spell has made it into the cube.
                try (KafkaProducer<String, Spell> producer = new KafkaProducer<>(
                        settings.durableProducer("warm-up"), new StringSerializer(), AvroSerde.of(Spell.class))) {
                    Spell warm = Fixtures.openStay("warm", clock, DurationClass.PENDING, clock)
                            .build();
                    producer.send(new ProducerRecord<>(Topic.SPELLS.topicName(), warm.getSpellId(), warm))
                            .get();
                }
                long warmStart = System.nanoTime();
                while (cube.size() == 0) {
                    Thread.sleep(20);
                }
                System.out.printf(
                        Locale.ROOT,
                        "freshness warm-up: first spell in the cube after %.1fs%n",
                        (System.nanoTime() - warmStart) / 1e9);
                if (warmUpSeconds > 0) {
                    long warmUp = System.nanoTime();
                    int expected = (int) Math.round(spellCount(cube)) + perSecond * warmUpSeconds;
                    send(settings, "warm-up-run", "w", perSecond, perSecond * warmUpSeconds, clock, new long[0]);
                    while (spellCount(cube) < expected && System.nanoTime() - warmUp < 120_000_000_000L) {
                        Thread.sleep(20);
                    }
                    System.out.printf(
                            Locale.ROOT,
                            "freshness warm-up: %d spells at %d/s counted after %.1fs%n",
                            perSecond * warmUpSeconds,
                            perSecond,
                            (System.nanoTime() - warmUp) / 1e9);
                }
                int base = (int) Math.round(spellCount(cube));
                int total = perSecond * seconds;
                long[] sentAt = new long[total];
                long[] seenAt = new long[total];
                Thread watcher = new Thread(() -> {
                    int seen = 0;
                    while (seen < total && !Thread.currentThread().isInterrupted()) {
                        int count = (int) Math.round(spellCount(cube)) - base;
                        long now = System.nanoTime();
                        while (seen < count && seen < total) {
                            seenAt[seen++] = now;
                        }
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                watcher.start();
                send(settings, "freshness", "f", perSecond, total, clock, sentAt);
                watcher.join(120_000);
                watcher.interrupt();
                // Spells from all partitions land in any order, so the n-th counted spell is matched to the n-th
                // sent: an estimate of the delay distribution, exact for its tail.
                List<Long> delays = new ArrayList<>();
                for (int i = 0; i < total; i++) {
                    if (seenAt[i] > 0) {
                        delays.add(seenAt[i] - sentAt[i]);
                    }
                }
                // The largest delay of the spells sent in each second: a lag that grows means the aggregator
                // falls behind; a peak only at the start is a warm-up.
                StringBuilder perSecondMax = new StringBuilder("freshness max delay by second sent (ms):");
                for (int second = 0; second < seconds; second++) {
                    long max = 0;
                    for (int i = second * perSecond; i < (second + 1) * perSecond && i < total; i++) {
                        max = Math.max(max, seenAt[i] > 0 ? seenAt[i] - sentAt[i] : 0);
                    }
                    perSecondMax.append(' ').append(max / 1_000_000);
                }
                System.out.println(perSecondMax);
                long[] sorted = delays.stream().mapToLong(Long::longValue).toArray();
                Arrays.sort(sorted);
                System.out.printf(
                        Locale.ROOT,
                        "freshness (send -> in the cube) at %d spells/s for %d s: seen %d/%d, p50=%.0fms p99=%.0fms"
                                + " max=%.0fms%n",
                        perSecond,
                        seconds,
                        sorted.length,
                        total,
                        sorted[sorted.length / 2] / 1e6,
                        sorted[(int) (sorted.length * 0.99)] / 1e6,
                        sorted[sorted.length - 1] / 1e6);
            }
        }
    }
}
