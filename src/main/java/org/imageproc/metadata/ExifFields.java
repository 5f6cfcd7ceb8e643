package org.imageproc.metadata;

import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Pattern;

/** The camera, capture time and orientation tags of EXIF, cleaned up; a bad value becomes null and a warning. */
record ExifFields(String make, String model, String creationTime, String creationTimeOffset, Integer orientation) {

    private static final DateTimeFormatter EXIF_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu:MM:dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final Pattern UTC_OFFSET = Pattern.compile("[+-]\\d{2}:\\d{2}");

    static ExifFields from(Metadata metadata, List<String> warnings) {
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        return new ExifFields(
                text(ifd0, ExifIFD0Directory.TAG_MAKE),
                text(ifd0, ExifIFD0Directory.TAG_MODEL),
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
            warnings.add("The capture date '" + value + "' is not a valid date and was ignored");
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
        warnings.add("The capture time zone '" + value + "' is not an offset such as +02:00 and was ignored");
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

    /** A tag's text, trimmed of the spaces and NULs cameras pad with; null when absent or blank. */
    private static String text(Directory directory, int tag) {
        String value = directory == null ? null : directory.getString(tag);
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.trim();
    }
}
