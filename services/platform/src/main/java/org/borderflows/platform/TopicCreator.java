package org.borderflows.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.borderflows.platform.config.KafkaConfiguration;

/**
 * Creates every topic of {@link Topic} that does not exist yet; existing topics are left as they are.
 * Command line: {@code TopicCreator [--replication N]}, Kafka connection from {@link KafkaConfiguration#fromEnvironment()}.
 */
public final class TopicCreator {
    private TopicCreator() {}

    /** Creates the missing topics and returns the names it created. */
    public static List<String> createMissing(Admin admin, short replication)
            throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            if (!existing.contains(topic.topicName())) {
                missing.add(topic.newTopic(replication));
            }
        }
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get();
        }
        return missing.stream().map(NewTopic::name).toList();
    }

    public static void main(String[] args) throws Exception {
        short replication = 1;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--replication") && i + 1 < args.length) {
                replication = Short.parseShort(args[++i]);
            } else {
                System.err.println("usage: TopicCreator [--replication N]");
                System.exit(2);
            }
        }
        KafkaSettings settings = KafkaConfiguration.fromEnvironment().settings();
        try (Admin admin = Admin.create(settings.common())) {
            List<String> created = createMissing(admin, replication);
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
