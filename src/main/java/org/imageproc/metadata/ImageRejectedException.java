package org.imageproc.metadata;

/** An image that retrying can never fix: the error code goes on the item, the message is for a person. */
public class ImageRejectedException extends RuntimeException {

    public static final String NOT_SUPPORTED_IMAGE_TYPE = "NotSupportedImageType";
    public static final String EMPTY_FILE = "EmptyFile";
    public static final String NOT_AN_IMAGE = "NotAnImage";
    public static final String IMAGE_TOO_LARGE = "ImageTooLarge";
    public static final String CORRUPT_IMAGE = "CorruptImage";
    public static final String FILE_TOO_LARGE = "FileTooLarge";
    public static final String OBJECT_NOT_FOUND = "ObjectNotFound";
    public static final String LABELS_REFUSED = "LabelDetectionRefused";
    public static final String ITEM_TOO_LARGE = "ItemTooLarge";
    public static final String KEY_TOO_LONG = "KeyTooLong";

    private final String error;

    public ImageRejectedException(String error, String message) {
        super(message);
        this.error = error;
    }

    public ImageRejectedException(String error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    /** A stable error code such as {@code NotSupportedImageType}. */
    public String error() {
        return error;
    }
}
