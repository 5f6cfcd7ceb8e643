package org.imageproc.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Reads Kubernetes manifests into fabric8's model classes (kinds it does not know, such as KEDA's, become
 * GenericKubernetesResource) and kustomize files as plain YAML trees.
 */
final class Manifests {

    static final Path K8S = Path.of("k8s");
    static final Path BASE = K8S.resolve("base");

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {
    }

    /** Every document of the file, in order. */
    static List<HasMetadata> read(Path file) {
        return parseAll(text(file));
    }

    static List<HasMetadata> parseAll(String yaml) {
        List<HasMetadata> resources = new ArrayList<>();
        for (String document : documents(yaml)) {
            resources.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
        }
        return resources;
    }

    /** The one document of the file, as the given model class. */
    static <T> T read(Path file, Class<T> type) {
        return parse(text(file), type);
    }

    static <T> T parse(String yaml, Class<T> type) {
        return SERIALIZATION.unmarshal(yaml, type);
    }

    /**
     * A custom resource whose classes were generated for Jackson 2 (camel-k-crds 2.4.0; fabric8 8 reads with Jackson 3
     * and then loses the spec's type), read strictly: a field the classes do not know fails.
     */
    static <T> T readStrictly(Path file, Class<T> type) {
        return parseStrictly(text(file), type);
    }

    static <T> T parseStrictly(String yaml, Class<T> type) {
        try {
            return YAML.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(yaml, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every resource the kustomization lists, by file name. */
    static Map<String, List<HasMetadata>> kustomized(Path dir) {
        Map<String, List<HasMetadata>> resources = new LinkedHashMap<>();
        for (JsonNode file : tree(dir.resolve("kustomization.yaml")).path("resources")) {
            resources.put(file.asText(), read(dir.resolve(file.asText())));
        }
        return resources;
    }

    /** The one resource of the given kind that the kustomization lists. */
    static <T extends HasMetadata> T only(Path dir, Class<T> type) {
        List<T> found = kustomized(dir).values().stream().flatMap(List::stream)
                .filter(type::isInstance).map(type::cast).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + " in " + dir + ", found " + found.size());
        }
        return found.get(0);
    }

    /** A YAML file that is no Kubernetes resource (kustomization.yaml), as a tree. */
    static JsonNode tree(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** NAME=value lines of a kustomize env file, comments and blank lines left out. */
    static Map<String, String> envFile(Path file) {
        Map<String, String> variables = new LinkedHashMap<>();
        try (Stream<String> lines = Files.lines(file)) {
            lines.map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> {
                int equals = line.indexOf('=');
                variables.put(line.substring(0, equals), line.substring(equals + 1));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return variables;
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> documents(String yaml) {
        return Stream.of(yaml.split("(?m)^---\\s*$")).filter(document -> document.lines()
                .anyMatch(line -> !line.isBlank() && !line.trim().startsWith("#"))).toList();
    }
}
