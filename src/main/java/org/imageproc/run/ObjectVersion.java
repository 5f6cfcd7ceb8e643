package org.imageproc.run;

import java.util.Locale;

/**
 * Orders the uploads of one key by the sequencer of their S3 events, as S3 documents it: the greater hexadecimal
 * value is the later event, after right-padding the shorter value with zeros. The padded form compares correctly as
 * a DynamoDB string.
 */
public final class ObjectVersion {

    private static final int WIDTH = 40;

    private ObjectVersion() {
    }

    /** The comparable form of an event's sequencer; an event without one sorts before every other. */
    public static String of(String sequencer) {
        String hex = sequencer == null ? "" : sequencer.trim().toUpperCase(Locale.ROOT);
        if (!hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            hex = "";
        }
        StringBuilder padded = new StringBuilder(hex);
        while (padded.length() < WIDTH) {
            padded.append('0');
        }
        return padded.toString();
    }
}
