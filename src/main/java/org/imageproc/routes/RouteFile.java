package org.imageproc.routes;

/**
 * One YAML route file the service loads.
 *
 * @param name     the file name, which decides what replaces what
 * @param location where it comes from: the built-in file in the jar (or target/classes), or {@code file:/…}
 * @param origin   built in, replacing a built-in file, or added
 */
record RouteFile(String name, String location, Origin origin) {

    enum Origin {
        BUILT_IN("built in"),
        REPLACES_BUILT_IN("replaces the built-in file"),
        ADDED("added");

        private final String words;

        Origin(String words) {
            this.words = words;
        }

        String words() {
            return words;
        }
    }
}
