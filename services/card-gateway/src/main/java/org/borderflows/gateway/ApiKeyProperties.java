package org.borderflows.gateway;

import io.micronaut.context.annotation.EachProperty;
import java.util.List;

/**
 * One entry of {@code border-flows.gateway.api-keys}: an API key, the client name it stands for (recorded as
 * the submitter of its cards) and the border posts it may submit for ({@code *} = all).
 */
@EachProperty(value = "border-flows.gateway.api-keys", list = true)
public class ApiKeyProperties {
    private String key;
    private String client;
    private List<String> posts = List.of();

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getClient() {
        return client;
    }

    public void setClient(String client) {
        this.client = client;
    }

    public List<String> getPosts() {
        return posts;
    }

    public void setPosts(List<String> posts) {
        this.posts = posts;
    }
}
