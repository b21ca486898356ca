package org.borderflows.intake;

import java.util.Set;

/** The border posts a submitter may report crossings for: all, or a fixed set of post codes. */
public final class PostPermission {
    public static final PostPermission ALL = new PostPermission(null);

    private final Set<String> posts;

    private PostPermission(Set<String> posts) {
        this.posts = posts;
    }

    /** Only these posts; {@code *} among them means all posts. */
    public static PostPermission of(Set<String> posts) {
        return posts.contains("*") ? ALL : new PostPermission(Set.copyOf(posts));
    }

    public boolean allows(String borderPost) {
        return posts == null || posts.contains(borderPost);
    }

    @Override
    public String toString() {
        return posts == null ? "*" : String.join(",", posts);
    }
}
