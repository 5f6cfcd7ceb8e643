package org.imageproc.run;

/** Every stable error code a failed run records on its item; an unexpected exception records its class name instead. */
public enum FailureCode {

    /** A format the service does not process (anything but JPEG and PNG by default). */
    NOT_SUPPORTED_IMAGE_TYPE("NotSupportedImageType"),
    EMPTY_FILE("EmptyFile"),
    NOT_AN_IMAGE("NotAnImage"),
    /** More pixels than the configured limit. */
    IMAGE_TOO_LARGE("ImageTooLarge"),
    CORRUPT_IMAGE("CorruptImage"),
    /** More bytes than the configured limit. */
    FILE_TOO_LARGE("FileTooLarge"),
    OBJECT_NOT_FOUND("ObjectNotFound"),
    LABELS_REFUSED("LabelDetectionRefused"),
    /** The item would exceed DynamoDB's 400 KB. */
    ITEM_TOO_LARGE("ItemTooLarge"),
    /** The thumbnail's key would exceed S3's 1024 bytes. */
    KEY_TOO_LONG("KeyTooLong"),
    /** An AWS service answered with an error or could not be reached. */
    SERVICE_ERROR("ServiceError"),
    /** The run stopped without a final write (found by a later delivery). */
    RUN_DID_NOT_FINISH("RunDidNotFinish");

    private final String code;

    FailureCode(String code) {
        this.code = code;
    }

    /** The code as the item stores it, such as {@code NotSupportedImageType}. */
    public String code() {
        return code;
    }
}
