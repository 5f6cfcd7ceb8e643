package org.imageproc.detector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The labelled evaluation set ({@code src/test/resources/labels-eval}): its photos and the shared ones it names, with
 * what a person sees in each; loading it checks the set and refuses one that is malformed, naming every fault.
 */
record LabelsEvalSet(List<Photo> photos, List<String> unavailable) {

    static final Path DIR = Path.of("src", "test", "resources", "labels-eval");
    static final Path SHARED = Path.of("..", "shared");
    static final String SHARED_PREFIX = "../shared/";
    static final String SHARED_LABELS = SHARED_PREFIX + "testdata/labels/";
    private static final Set<String> NOT_PHOTOS = Set.of("expected.json", "SOURCES.md");

    /** One photo: where its bytes are, the COCO objects that must be found and those that may be. */
    record Photo(String key, Path path, List<String> must, List<String> also, boolean coco, String notes) {

        boolean shared() {
            return key.startsWith(SHARED_PREFIX);
        }

        byte[] bytes() {
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static LabelsEvalSet load() {
        return load(DIR, SHARED);
    }

    /**
     * @param dir    the set's folder: photos, expected.json and SOURCES.md
     * @param shared the shared folder that keys starting with {@code ../shared/} point into; its photos are left out
     *               (listed as unavailable) when it is absent
     * @throws IllegalStateException naming every fault when the set is malformed
     */
    static LabelsEvalSet load(Path dir, Path shared) {
        JsonNode json = readJson(dir.resolve("expected.json"));
        String sources = readString(dir.resolve("SOURCES.md"));
        List<String> faults = new ArrayList<>();
        List<Photo> photos = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        boolean sharedPresent = Files.isDirectory(shared);
        Set<String> listed = new HashSet<>();
        for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) json::fields) {
            String key = entry.getKey();
            if (key.startsWith("_")) {
                continue;
            }
            Photo photo = photo(key, entry.getValue(), dir, shared, faults);
            // SOURCES.md names a shared photo by its path under ../shared
            String named = photo.shared() ? key.substring(SHARED_PREFIX.length()) : key;
            if (!sources.contains(named)) {
                faults.add(key + ": not in SOURCES.md (where it comes from and its licence)");
            }
            if (photo.shared()) {
                if (!sharedPresent) {
                    unavailable.add(key);
                    continue;
                }
            } else {
                listed.add(key);
            }
            if (!Files.isRegularFile(photo.path())) {
                faults.add(key + ": listed, but there is no such file: " + photo.path());
            }
            photos.add(photo);
        }
        for (String file : filesIn(dir)) {
            if (!NOT_PHOTOS.contains(file) && !listed.contains(file)) {
                faults.add(file + ": in the folder but not in expected.json");
            }
        }
        if (!faults.isEmpty()) {
            throw new IllegalStateException("The evaluation set " + dir + " is malformed:\n  "
                    + String.join("\n  ", faults));
        }
        return new LabelsEvalSet(List.copyOf(photos), List.copyOf(unavailable));
    }

    private static Photo photo(String key, JsonNode node, Path dir, Path shared, List<String> faults) {
        List<String> must = classes(key, "must", node, faults);
        List<String> also = classes(key, "also", node, faults);
        also.stream().filter(must::contains).forEach(c -> faults.add(key + ": \"" + c + "\" is in both must and also"));
        JsonNode coco = node.path("coco");
        if (!coco.isBoolean()) {
            faults.add(key + ": \"coco\" must be true or false");
        } else if (coco.booleanValue() == (must.isEmpty() && also.isEmpty())) {
            faults.add(key + ": \"coco\" is " + coco.booleanValue() + " but must and also "
                    + (coco.booleanValue() ? "are both empty" : "name COCO objects"));
        }
        String notes = node.path("notes").asText("");
        if (notes.isBlank()) {
            faults.add(key + ": no \"notes\" saying what the photo shows");
        }
        Path path = key.startsWith(SHARED_PREFIX) ? shared.resolve(key.substring(SHARED_PREFIX.length()))
                : dir.resolve(key);
        return new Photo(key, path, must, also, coco.asBoolean(), notes);
    }

    private static List<String> classes(String key, String field, JsonNode node, List<String> faults) {
        JsonNode array = node.path(field);
        List<String> classes = new ArrayList<>();
        if (!array.isArray()) {
            faults.add(key + ": \"" + field + "\" must be a list of COCO class names");
            return classes;
        }
        for (JsonNode value : array) {
            String name = value.asText();
            if (!CocoClasses.NAMES.contains(name)) {
                faults.add(key + ": \"" + name + "\" in " + field + " is not a COCO class name");
            } else if (classes.contains(name)) {
                faults.add(key + ": \"" + name + "\" twice in " + field);
            } else {
                classes.add(name);
            }
        }
        return classes;
    }

    private static JsonNode readJson(Path file) {
        try {
            return new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Set<String> filesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> names = new TreeSet<>();
            files.forEach(file -> names.add(file.getFileName().toString()));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
