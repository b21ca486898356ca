package org.borderflows.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates every topic of {@link Topic} that does not exist yet; existing topics are left as they are. The command
 * line is {@link org.borderflows.platform.cli.CreateTopics}.
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
}
