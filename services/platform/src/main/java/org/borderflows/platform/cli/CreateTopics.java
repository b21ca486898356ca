package org.borderflows.platform.cli;

import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.Topic;
import org.borderflows.platform.TopicCreator;
import org.borderflows.platform.config.KafkaConfiguration;

/**
 * Command line {@code CreateTopics [--replication N]}: creates the missing topics of {@link Topic} and lists them all,
 * reaching Kafka as every command-line program does ({@link KafkaConfiguration#fromEnvironment()}).
 */
public final class CreateTopics {
    private CreateTopics() {}

    public static void main(String[] args) throws Exception {
        short replication = 1;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--replication") && i + 1 < args.length) {
                replication = Short.parseShort(args[++i]);
            } else {
                System.err.println("usage: CreateTopics [--replication N]");
                System.exit(2);
            }
        }
        KafkaSettings settings = KafkaConfiguration.fromEnvironment().settings();
        try (Admin admin = Admin.create(settings.common())) {
            List<String> created = TopicCreator.createMissing(admin, replication);
            for (Topic t : Topic.values()) {
                System.out.printf(
                        "%-22s %2d partitions  %-7s %s%n",
                        t.topicName(),
                        t.partitions(),
                        t.cleanup().name().toLowerCase(),
                        created.contains(t.topicName()) ? "created" : "exists");
            }
        }
    }
}
