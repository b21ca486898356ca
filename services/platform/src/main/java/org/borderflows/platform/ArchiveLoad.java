package org.borderflows.platform;

/**
 * An archive load (RULES.md §8): archived cards published beside live traffic (card-loader {@code --archive}),
 * each crossing stamped with the load's name ({@code Intake.archiveLoad}). The stay engine holds the values of a
 * traveller with crossings of a load in progress, so that nothing is classified at today's clock while the
 * archive's own later crossings are still to come; the load is complete in a partition once the engine has
 * processed the partition's last crossing of it. The loader says which one that is, after Kafka acknowledged all
 * of them: a completion record on {@link Topic#ENGINE_CLOCK}, one per partition of {@link Topic#CROSSINGS} (the two
 * topics have the same partitions), key {@link #completionKey}, value the offset of that last crossing.
 */
public final class ArchiveLoad {
    /** Key prefix of a completion record; the rest of the key is the load's name. */
    public static final String COMPLETION_PREFIX = "archive-complete:";

    private ArchiveLoad() {}

    public static String completionKey(String load) {
        return COMPLETION_PREFIX + load;
    }

    /** True for the key of a completion record. */
    public static boolean isCompletion(String key) {
        return key != null && key.startsWith(COMPLETION_PREFIX);
    }

    /** The load a completion key names. */
    public static String loadOf(String completionKey) {
        return completionKey.substring(COMPLETION_PREFIX.length());
    }
}
