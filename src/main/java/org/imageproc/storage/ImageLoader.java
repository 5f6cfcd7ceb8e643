package org.imageproc.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.Body;
import org.apache.camel.Handler;
import org.apache.camel.Variable;
import org.imageproc.imaging.ObjectBytes;
import org.imageproc.run.FailureCode;
import org.imageproc.run.ImageEvent;
import org.imageproc.run.ImageRejectedException;
import org.imageproc.run.Variables;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** Reads an S3 GetObject response into memory, refusing files larger than the configured limit before reading them. */
public class ImageLoader {

    private final long maxBytes;

    public ImageLoader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The object as read; its ETag and time come from S3's answer, never from the event. */
    @Handler
    public StoredImage load(@Variable(Variables.EVENT) ImageEvent event,
            @Body ResponseInputStream<GetObjectResponse> object) throws IOException {
        GetObjectResponse response = object.response();
        Long length = response.contentLength();
        if (length != null && length > maxBytes) {
            object.abort();
            throw tooLarge(length);
        }
        byte[] bytes = readAtMost(object, length, maxBytes);
        Map<String, String> metadata = new TreeMap<>();
        response.metadata().forEach((k, v) -> metadata.put(k.toLowerCase(Locale.ROOT), v));
        return new StoredImage(event.bucket(), event.key(), bytes, Map.copyOf(metadata),
                response.lastModified(), response.eTag() == null ? null : response.eTag().replace("\"", ""));
    }

    private byte[] readAtMost(InputStream in, Long length, long limit) throws IOException {
        try (in) {
            byte[] bytes = ObjectBytes.read(in, length, limit);
            if (bytes.length > limit) {
                throw tooLarge(bytes.length);
            }
            return bytes;
        }
    }

    private ImageRejectedException tooLarge(long length) {
        return new ImageRejectedException(FailureCode.FILE_TOO_LARGE,
                String.format(Locale.ROOT, "The file is %s; the limit is %s", Sizes.human(length), Sizes.human(maxBytes)));
    }
}
