package org.borderflows.k8s;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Kubernetes manifests into the typed models of fabric8 (Kubernetes) and Strimzi (Kafka custom resources)
 * and finds every field those models do not know. Jackson fails on unknown properties, but both model families
 * keep unknown fields in {@code additionalProperties} maps instead: so every parsed object is walked and those
 * maps must be empty, and every field of the YAML must survive a write-back of the typed object (a model that
 * dropped a field would lose it there).
 */
final class StrictManifests {
    /** The kinds the manifests may use, by {@code apiVersion/kind}. */
    static final Map<String, Class<?>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "v1/PersistentVolumeClaim", PersistentVolumeClaim.class,
            "apps/v1/StatefulSet", StatefulSet.class,
            "apps/v1/Deployment", Deployment.class,
            "batch/v1/CronJob", CronJob.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class,
            "kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class);

    static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Writes every property of a model, also those its annotations leave out when null or default. */
    private static final ObjectMapper WRITE_ALL = JsonMapper.builder()
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public JsonInclude.Value findPropertyInclusion(Annotated a) {
                    return JsonInclude.Value.empty();
                }
            })
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    private StrictManifests() {}

    /** One YAML document read into its typed model, with the problems found in it. */
    record Parsed(String kind, String name, Object model, List<String> problems) {}

    /** Reads every document of a (multi-document) YAML text. */
    static List<Parsed> parse(String yaml) throws IOException {
        List<Parsed> out = new ArrayList<>();
        try (var docs = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc == null || doc.isNull() || doc.isMissingNode()) {
                    continue;
                }
                out.add(parse(doc));
            }
        }
        return out;
    }

    private static Parsed parse(JsonNode doc) {
        String kind = doc.path("kind").asText();
        String name = doc.path("metadata").path("name").asText();
        String key = doc.path("apiVersion").asText() + "/" + kind;
        Class<?> type = KINDS.get(key);
        if (type == null) {
            return new Parsed(kind, name, null, List.of("no typed model for " + key + " (add it to KINDS)"));
        }
        Object model;
        try {
            model = YAML.treeToValue(doc, type);
        } catch (JsonProcessingException e) {
            return new Parsed(kind, name, null, List.of(e.getOriginalMessage()));
        }
        List<String> problems = new ArrayList<>();
        additionalProperties(model, kind, problems, Collections.newSetFromMap(new IdentityHashMap<>()));
        lostFields(doc, WRITE_ALL.valueToTree(model), kind, problems);
        return new Parsed(kind, name, model, problems);
    }

    /** Every non-empty additionalProperties map reachable from a model object. */
    private static void additionalProperties(Object o, String path, List<String> problems, Set<Object> seen) {
        if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Enum) {
            return;
        }
        if (!seen.add(o)) {
            return;
        }
        if (o instanceof Map<?, ?> map) {
            map.forEach((k, v) -> additionalProperties(v, path + "." + k, problems, seen));
            return;
        }
        if (o instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                additionalProperties(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        String type = o.getClass().getName();
        if (!type.startsWith("io.fabric8.") && !type.startsWith("io.strimzi.")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0
                    || Modifier.isStatic(m.getModifiers())
                    || m.getDeclaringClass() == Object.class
                    || !m.getName().startsWith("get")) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(o);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (m.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add("unknown field(s) " + extra.keySet() + " at " + path);
                }
            } else {
                String property = Character.toLowerCase(m.getName().charAt(3))
                        + m.getName().substring(4);
                additionalProperties(value, path + "." + property, problems, seen);
            }
        }
    }

    /** Every field of the YAML that the typed model does not write back. */
    private static void lostFields(JsonNode yaml, JsonNode model, String path, List<String> problems) {
        if (yaml.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = yaml.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode written = model == null ? null : model.get(field.getKey());
                if (written == null) {
                    if (!field.getValue().isNull()) {
                        problems.add("field " + path + "." + field.getKey() + " is not in the typed model");
                    }
                } else {
                    lostFields(field.getValue(), written, path + "." + field.getKey(), problems);
                }
            }
        } else if (yaml.isArray() && model != null && model.isArray()) {
            for (int i = 0; i < yaml.size(); i++) {
                lostFields(yaml.get(i), model.get(i), path + "[" + i + "]", problems);
            }
        }
    }
}
