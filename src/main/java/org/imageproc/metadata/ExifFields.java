package org.imageproc.metadata;

import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The camera, capture time and orientation tags of EXIF, cleaned up; a bad value becomes null and a warning. */
record ExifFields(String make, String model, String creationTime, String creationTimeOffset, Integer orientation) {

    private static final DateTimeFormatter EXIF_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu:MM:dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    /** The most bytes of any one text field taken from a file (DynamoDB items are limited to 400 KB). */
    static final int MAX_TEXT_BYTES = 1024;
    private static final int QUOTED_CHARS = 64;
    private static final Pattern UTC_OFFSET = Pattern.compile("[+-]\\d{2}:\\d{2}");

    static ExifFields from(Metadata metadata, List<String> warnings) {
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        return new ExifFields(
                capped(text(ifd0, ExifIFD0Directory.TAG_MAKE), "camera make", warnings),
                capped(text(ifd0, ExifIFD0Directory.TAG_MODEL), "camera model", warnings),
                creationTime(text(exif, ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL), warnings),
                offset(exif, warnings),
                orientation(ifd0, warnings));
    }

    private static String creationTime(String value, List<String> warnings) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value, EXIF_DATE_TIME).format(ISO_SECONDS);
        } catch (DateTimeParseException e) {
            warnings.add("The capture date '" + quoted(value) + "' is not a valid date and was ignored");
            return null;
        }
    }

    private static String offset(Directory exif, List<String> warnings) {
        String value = text(exif, ExifSubIFDDirectory.TAG_TIME_ZONE_ORIGINAL);
        if (value == null) {
            value = text(exif, ExifSubIFDDirectory.TAG_TIME_ZONE);
        }
        if (value == null || UTC_OFFSET.matcher(value).matches()) {
            return value;
        }
        warnings.add("The capture time zone '" + quoted(value) + "' is not an offset such as +02:00 and was ignored");
        return null;
    }

    private static Integer orientation(Directory ifd0, List<String> warnings) {
        Integer value = ifd0 == null ? null : ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
        if (value == null || value >= 1 && value <= 8) {
            return value;
        }
        warnings.add("The EXIF orientation " + value + " is not valid (1 to 8); the image is shown as stored");
        return null;
    }

    /** Text taken from a file is kept to {@link #MAX_TEXT_BYTES} of UTF-8, so no camera string can fill an item. */
    private static String capped(String value, String what, List<String> warnings) {
        if (value == null) {
            return null;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_TEXT_BYTES) {
            return value;
        }
        warnings.add(String.format(Locale.ROOT, "The %s is %,d bytes long; only its first %,d bytes are kept", what,
                utf8.length, MAX_TEXT_BYTES));
        return prefix(value, MAX_TEXT_BYTES);
    }

    /** A bad value as a warning quotes it: at most {@link #QUOTED_CHARS} characters of it. */
    private static String quoted(String value) {
        return value.length() <= QUOTED_CHARS ? value : value.substring(0, QUOTED_CHARS) + "...";
    }

    /** The longest prefix of whole characters within {@code maxBytes} of UTF-8. */
    private static String prefix(String value, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < value.length()) {
            int codePoint = value.codePointAt(end);
            int length = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + length > maxBytes) {
                break;
            }
            bytes += length;
            end += Character.charCount(codePoint);
        }
        return value.substring(0, end);
    }

    /** A tag's text, trimmed of the spaces and NULs cameras pad with; null when absent or blank. */
    private static String text(Directory directory, int tag) {
        String value = directory == null ? null : directory.getString(tag);
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.trim();
    }
}
