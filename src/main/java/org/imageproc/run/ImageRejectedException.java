package org.imageproc.run;

/** An image that retrying can never fix: the error code goes on the item, the message is for a person. */
public class ImageRejectedException extends RuntimeException {

    private final FailureCode error;

    public ImageRejectedException(FailureCode error, String message) {
        super(message);
        this.error = error;
    }

    public ImageRejectedException(FailureCode error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public FailureCode error() {
        return error;
    }
}
