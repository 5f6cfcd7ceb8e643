package org.imageproc.job;

import java.util.Locale;

/** Which photos a reprocess or backfill takes: those that need it, or all of them. */
public enum Scope {
    /** Not SUCCEEDED, without thumbnail or labels, or made with an older label model or thumbnail size. */
    MISSING,
    ALL;

    /** The scope named {@code missing} or {@code all}; null or blank is missing. */
    public static Scope parse(String name) {
        if (name == null || name.isBlank()) {
            return MISSING;
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "missing" -> MISSING;
            case "all" -> ALL;
            default -> throw new IllegalArgumentException("The scope is \"missing\" (photos that need it) or \"all\","
                    + " not \"" + name + "\"");
        };
    }
}
