package org.borderflows.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every manifest under deploy/k8s (resources and patches; kustomization.yaml files are checked by
 * {@code kubectl kustomize} in CI) reads into the typed Kubernetes and Strimzi models with no field they do not
 * know, so a misspelled or misplaced field fails here instead of being ignored on the cluster.
 */
class ManifestsTest {
    /** The module directory is deploy/k8s: the manifests live beside the Java sources. */
    private static final Path ROOT = Path.of("");

    static List<Path> manifests() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT.toAbsolutePath())) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> {
                        String rel = ROOT.toAbsolutePath().relativize(p).toString();
                        return (rel.startsWith("base/") || rel.startsWith("overlays/"))
                                && (rel.endsWith(".yaml") || rel.endsWith(".yml"))
                                && !p.getFileName().toString().startsWith("kustomization.");
                    })
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyManifestReadsIntoTheTypedModelsWithNoUnknownField() throws IOException {
        List<Path> files = manifests();
        assertThat(files).hasSizeGreaterThan(10);
        List<String> problems = new ArrayList<>();
        int documents = 0;
        for (Path file : files) {
            for (StrictManifests.Parsed doc : StrictManifests.parse(Files.readString(file))) {
                documents++;
                doc.problems().forEach(p -> problems.add(file.getFileName() + " " + doc.name() + ": " + p));
            }
        }
        assertThat(problems).as("problems in the manifests").isEmpty();
        assertThat(documents).isGreaterThan(files.size());
    }

    @Test
    void everyOverlayNamesTheImageOfEveryService() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path file : manifests()) {
            if (file.toString().contains("/base/")) {
                Matcher m = Pattern.compile("image: (\\S+)").matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used)
                .containsExactly(
                        "border-flows/card-gateway",
                        "border-flows/card-loader",
                        "border-flows/flow-query",
                        "border-flows/stay-engine");
        try (Stream<Path> overlays = Files.list(Path.of("overlays"))) {
            for (Path overlay : overlays.toList()) {
                JsonNode kustomization =
                        StrictManifests.YAML.readTree(Files.readString(overlay.resolve("kustomization.yaml")));
                Set<String> named = new TreeSet<>();
                kustomization.path("images").forEach(image -> {
                    named.add(image.path("name").asText());
                    assertThat(image.path("newTag").asText())
                            .as(overlay + " " + image)
                            .isNotBlank();
                });
                assertThat(named).as(overlay.toString()).isEqualTo(used);
            }
        }
    }

    @Test
    void everyServiceContainerRunsTheLaunchScriptOfItsDistribution() throws IOException {
        // deploy/dist/Containerfile unpacks a service's distribution to /opt/border-flows: bin/<service> is there.
        Pattern container = Pattern.compile("image: border-flows/(\\S+)\\n(?:\\s*#.*\\n)*\\s*command: (.+)\\n");
        Set<String> launched = new TreeSet<>();
        for (Path file : manifests()) {
            String text = Files.readString(file);
            Matcher m = container.matcher(text);
            while (m.find()) {
                assertThat(m.group(2)).as(file.toString()).isEqualTo("[\"/opt/border-flows/bin/" + m.group(1) + "\"]");
                launched.add(m.group(1));
            }
            assertThat(text.split("image: border-flows/", -1).length - 1)
                    .as("containers of " + file + " without the launch script as command")
                    .isEqualTo((int) container.matcher(text).results().count());
        }
        assertThat(launched).containsExactly("card-gateway", "card-loader", "flow-query", "stay-engine");
        assertThat(Files.readString(Path.of("../dist/Containerfile")))
                .contains("ADD ${SERVICE}-*-dist.tar.gz /opt/", "mv /opt/${SERVICE}-*/ /opt/border-flows");
    }

    @Test
    void aMisspelledFieldOfAKubernetesResourceIsFound() throws IOException {
        String statefulSet =
                """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: stay-engine
                spec:
                  serviceName: stay-engine-headless
                  template:
                    spec:
                      containers:
                        - name: stay-engine
                          image: border-flows/stay-engine
                          readinesProbe:
                            httpGet:
                              path: /health
                              port: http
                """;

        List<StrictManifests.Parsed> parsed = StrictManifests.parse(statefulSet);

        assertThat(parsed).singleElement().satisfies(doc -> assertThat(doc.problems())
                .anySatisfy(p -> assertThat(p).contains("readinesProbe")));
        assertThat(StrictManifests.parse(statefulSet.replace("readinesProbe", "readinessProbe")))
                .singleElement()
                .satisfies(doc -> assertThat(doc.problems()).isEmpty());
    }

    @Test
    void aMisspelledFieldOfAStrimziResourceIsFound() throws IOException {
        String user =
                """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaUser
                metadata:
                  name: stay-engine
                spec:
                  authentication:
                    type: scram-sha-512
                  authorization:
                    type: simple
                    acls:
                      - resource:
                          type: topic
                          name: crossings
                          patternType: literal
                        operatons: [Read]
                """;

        assertThat(StrictManifests.parse(user)).singleElement().satisfies(doc -> assertThat(doc.problems())
                .anySatisfy(p -> assertThat(p).contains("operatons")));
        assertThat(StrictManifests.parse(user.replace("operatons", "operations")))
                .singleElement()
                .satisfies(doc -> assertThat(doc.problems()).isEmpty());
    }

    @Test
    void aKindWithoutTypedModelIsReported() throws IOException {
        assertThat(StrictManifests.parse("apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\n"))
                .singleElement()
                .satisfies(doc -> assertThat(doc.problems())
                        .anySatisfy(p -> assertThat(p).contains("no typed model for v1/Secret")));
    }
}
