package org.imageproc.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The instructions of the project's Dockerfile (continuation lines joined, comments left out), read as text. */
record Dockerfile(List<String[]> instructions) {

    static final Path FILE = Path.of("Dockerfile");

    private static final Pattern ENV_PAIR = Pattern.compile("([A-Z_][A-Z0-9_]*)=(\"[^\"]*\"|\\S+)");
    private static final Pattern MAX_RAM = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)");

    static Dockerfile read() {
        List<String[]> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Manifests.text(FILE).lines().toList()) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            boolean continues = trimmed.endsWith("\\");
            current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continues) {
                String instruction = current.toString().trim();
                int space = instruction.indexOf(' ');
                instructions.add(new String[] {instruction.substring(0, space), instruction.substring(space + 1).trim()});
                current.setLength(0);
            }
        }
        return new Dockerfile(instructions);
    }

    /** The arguments of every instruction of that name, in order. */
    List<String> all(String name) {
        return instructions.stream().filter(instruction -> instruction[0].equals(name))
                .map(instruction -> instruction[1]).toList();
    }

    String only(String name) {
        List<String> found = all(name);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + name + " in the Dockerfile, found " + found);
        }
        return found.get(0);
    }

    /** Every variable the ENV instructions set, quotes removed. */
    Map<String, String> environment() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String env : all("ENV")) {
            Matcher pair = ENV_PAIR.matcher(env);
            while (pair.find()) {
                variables.put(pair.group(1), pair.group(2).replace("\"", ""));
            }
        }
        return variables;
    }

    /** The heap share of the container's memory that JDK_JAVA_OPTIONS gives. */
    int maxRamPercentage() {
        Matcher percentage = MAX_RAM.matcher(environment().getOrDefault("JDK_JAVA_OPTIONS", ""));
        if (!percentage.find()) {
            throw new AssertionError("JDK_JAVA_OPTIONS sets no -XX:MaxRAMPercentage");
        }
        return Integer.parseInt(percentage.group(1));
    }
}
