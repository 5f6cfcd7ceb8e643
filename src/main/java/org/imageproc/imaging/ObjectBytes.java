package org.imageproc.imaging;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Reads an S3 object's body into one array of the length S3 declared, so a large image is allocated only once. */
public final class ObjectBytes {

    private ObjectBytes() {
    }

    /**
     * The whole body; when the declared length is unknown or above {@code limit}, reads at most {@code limit + 1}
     * bytes so the caller can tell the object is too large.
     */
    public static byte[] read(InputStream in, Long declaredLength, long limit) throws IOException {
        if (declaredLength == null || declaredLength > limit) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        }
        byte[] bytes = new byte[declaredLength.intValue()];
        int read = in.readNBytes(bytes, 0, bytes.length);
        if (read < bytes.length) {
            throw new EOFException("The object ended after " + read + " of its " + bytes.length + " bytes");
        }
        if (in.read() != -1) {
            throw new IOException("The object is longer than the " + bytes.length + " bytes S3 declared");
        }
        return bytes;
    }
}
