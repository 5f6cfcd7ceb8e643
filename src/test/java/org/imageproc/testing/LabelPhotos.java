package org.imageproc.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The shared labelled photos ({@code ../shared/testdata/labels}: nine photos and expected.json, a person's judgement
 * of the COCO objects each shows); tests that need them skip with a message when the folder is absent.
 */
public final class LabelPhotos {

    public static final Path DIR = Path.of("..", "shared", "testdata", "labels");

    /** One photo: the objects that must be found, and those that may be. */
    public record Expected(String file, List<String> must, List<String> also) {

        public byte[] bytes() {
            try {
                return Files.readAllBytes(DIR.resolve(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private LabelPhotos() {
    }

    public static void assumePresent() {
        assumeTrue(Files.isRegularFile(DIR.resolve("expected.json")),
                "../shared/testdata/labels not found: " + DIR.toAbsolutePath().normalize());
    }

    public static byte[] photo(String file) {
        assumePresent();
        return new Expected(file, List.of(), List.of()).bytes();
    }

    public static List<Expected> expected() {
        assumePresent();
        try {
            JsonNode json = new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
            List<Expected> photos = new ArrayList<>();
            json.fields().forEachRemaining(entry -> {
                if (!entry.getKey().startsWith("_")) {
                    photos.add(new Expected(entry.getKey(), strings(entry.getValue().path("must")),
                            strings(entry.getValue().path("also"))));
                }
            });
            return photos;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
