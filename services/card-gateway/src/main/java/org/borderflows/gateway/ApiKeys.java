package org.borderflows.gateway;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.borderflows.intake.PostPermission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The configured API keys: who a key belongs to and which border posts it may report for. */
@Singleton
public class ApiKeys {
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);

    /** An authenticated caller. */
    public record Client(String name, PostPermission posts) {}

    private record Entry(byte[] key, Client client) {}

    private final List<Entry> entries;

    public ApiKeys(List<ApiKeyProperties> configured) {
        this.entries = configured.stream()
                .filter(p -> p.getKey() != null && !p.getKey().isBlank())
                .map(p -> new Entry(
                        p.getKey().getBytes(StandardCharsets.UTF_8),
                        new Client(
                                p.getClient() == null ? "unnamed" : p.getClient(),
                                PostPermission.of(new HashSet<>(p.getPosts())))))
                .toList();
        if (entries.stream().anyMatch(e -> new String(e.key(), StandardCharsets.UTF_8).startsWith("dev-"))) {
            LOG.warn("Development API keys (dev-*) are configured: replace border-flows.gateway.api-keys outside"
                    + " the local demo.");
        }
        LOG.info(
                "{} API keys configured: {}",
                entries.size(),
                entries.stream()
                        .map(e -> e.client().name() + " -> " + e.client().posts())
                        .toList());
    }

    /** The client of a key, compared in constant time; empty when the key is missing or unknown. */
    public Optional<Client> authenticate(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        byte[] given = key.getBytes(StandardCharsets.UTF_8);
        Client found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.key(), given)) {
                found = entry.client();
            }
        }
        return Optional.ofNullable(found);
    }
}
