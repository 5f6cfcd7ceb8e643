package org.imageproc.detector;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rekognition-style names, parents and categories for the model's classes and for the parents themselves, read
 * from {@code taxonomy.tsv}; a class the table lacks is title-cased and has no parents.
 */
final class Taxonomy {

    private final Map<String, LabelInfo> byClass;
    private final Map<String, LabelInfo> byName;

    private Taxonomy(Map<String, LabelInfo> byClass, Map<String, LabelInfo> byName) {
        this.byClass = byClass;
        this.byName = byName;
    }

    static Taxonomy load() {
        Map<String, LabelInfo> byClass = new HashMap<>();
        Map<String, LabelInfo> byName = new HashMap<>();
        try (InputStream stream = Taxonomy.class.getResourceAsStream("taxonomy.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                LabelInfo info = new LabelInfo(columns[1], list(columns[2]), list(columns[3]));
                byName.put(info.name(), info);
                if (!columns[0].equals("-")) {
                    byClass.put(columns[0], info);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the label taxonomy", e);
        }
        return new Taxonomy(byClass, byName);
    }

    LabelInfo forClass(String className) {
        LabelInfo info = byClass.get(className);
        return info != null ? info : new LabelInfo(titleCase(className), List.of(), List.of());
    }

    /** A parent's own entry (Mammal's parent is Animal); a name the table lacks has none. */
    LabelInfo forName(String name) {
        return byName.getOrDefault(name, new LabelInfo(name, List.of(), List.of()));
    }

    static String titleCase(String className) {
        StringBuilder name = new StringBuilder();
        for (String word : className.split(" ")) {
            if (!name.isEmpty()) {
                name.append(' ');
            }
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }

    private static List<String> list(String column) {
        return column.isBlank() ? List.of() : Arrays.stream(column.split(",")).map(String::trim).toList();
    }
}
