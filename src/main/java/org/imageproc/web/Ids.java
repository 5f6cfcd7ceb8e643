package org.imageproc.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.imageproc.photo.UploadTickets;

/**
 * Validates what the API takes from a request (demo user, album name, image id, photo content type) and makes new
 * image ids.
 */
final class Ids {

    private static final Pattern USER = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");
    private static final Pattern ALBUM_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern IMAGE_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\\.[a-z0-9]{1,5})?");
    private static final Pattern JOB_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,5}");
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} &'.,()/+-]{0,63}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9.+-]{0,40}/[a-z0-9][a-z0-9.+-]{0,60}");

    private Ids() {
    }

    static String user(String user) {
        if (user == null || user.isBlank()) {
            throw ApiException.badRequest("Pick a user name first (header X-Demo-User)");
        }
        return require(user, USER, "A user name is 2-32 lower-case letters, digits, '.', '_' or '-'");
    }

    static String albumName(String name) {
        return require(name, ALBUM_NAME,
                "An album name is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }

    static String imageId(String id) {
        return require(id, IMAGE_ID, "Not an image id of this app");
    }

    /** A label to search for, trimmed; any case. */
    static String label(String label) {
        if (label == null || label.isBlank()) {
            throw ApiException.badRequest("Say which label to search for: ?label=Dog");
        }
        return require(label.trim(), LABEL, "A label is 1-64 letters, digits, spaces or & ' . , ( ) / + -,"
                + " starting with a letter or digit");
    }

    static String jobId(String id) {
        return require(id, JOB_ID, "Not a job id of this app");
    }

    /** The content type of a photo to upload, in lower case: one an upload ticket is issued for. */
    static String photoType(String contentType) {
        String type = contentType == null ? "" : contentType.trim().toLowerCase(Locale.ROOT);
        if (UploadTickets.CONTENT_TYPES.contains(type)) {
            return type;
        }
        throw ApiException.badRequest("Only JPEG and PNG photos can be uploaded ("
                + (MEDIA_TYPE.matcher(type).matches() ? "this file is " + type : "this file's type is unknown") + ")");
    }

    /**
     * The file's name as the user's device gave it, kept with the upload (percent-encoded into S3 user metadata, which
     * holds 2 KB in all): null when none was sent.
     */
    static String fileName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return null;
        }
        if (fileName.length() > 255 || URLEncoder.encode(fileName, StandardCharsets.UTF_8).length() > 1024
                || fileName.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("This file name is too long or has control characters; rename the file"
                    + " (at most 255 characters, fewer with accents or other scripts)");
        }
        return fileName;
    }

    /** A fresh image id: a UUID, plus the file's extension when it is a safe one. */
    static String newImageId(String fileName) {
        String id = UUID.randomUUID().toString();
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        if (dot < 0) {
            return id;
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return EXTENSION.matcher(extension).matches() ? id + "." + extension : id;
    }

    private static String require(String value, Pattern pattern, String message) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw ApiException.badRequest(message);
        }
        return value;
    }
}
