package org.imageproc.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.Handler;
import org.apache.camel.Variable;
import org.imageproc.imaging.ObjectBytes;
import org.imageproc.run.FailureCode;
import org.imageproc.run.ImageEvent;
import org.imageproc.run.ImageRejectedException;
import org.imageproc.run.Variables;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Reads an uploaded object into memory with one GetObject, only while it is the upload the event announced (If-Match
 * on its ETag), refusing files larger than the configured limit before reading them. Request and read are one call,
 * so a retry after a read that broke off asks S3 again instead of reading a body already closed.
 */
public class ImageLoader {

    private final S3Client s3;
    private final String bucket;
    private final long maxBytes;

    public ImageLoader(S3Client s3, String bucket, long maxBytes) {
        this.s3 = s3;
        this.bucket = bucket;
        this.maxBytes = maxBytes;
    }

    /** The object as read; its ETag and time come from S3's answer, never from the event. */
    @Handler
    public StoredImage load(@Variable(Variables.EVENT) ImageEvent event) {
        try (ResponseInputStream<GetObjectResponse> object = s3.getObject(request -> request.bucket(bucket)
                .key(event.key()).ifMatch(CurrentObject.quoted(event.eTag())))) {
            GetObjectResponse response = object.response();
            Long length = response.contentLength();
            if (length != null && length > maxBytes) {
                object.abort();
                throw tooLarge(length);
            }
            byte[] bytes = ObjectBytes.read(object, length, maxBytes);
            if (bytes.length > maxBytes) {
                throw tooLarge(bytes.length);
            }
            Map<String, String> metadata = new TreeMap<>();
            response.metadata().forEach((k, v) -> metadata.put(k.toLowerCase(Locale.ROOT), v));
            return new StoredImage(bucket, event.key(), bytes, Map.copyOf(metadata), response.lastModified(),
                    response.eTag() == null ? null : response.eTag().replace("\"", ""));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading s3://" + bucket + "/" + event.key() + " broke off", e);
        }
    }

    private ImageRejectedException tooLarge(long length) {
        return new ImageRejectedException(FailureCode.FILE_TOO_LARGE,
                String.format(Locale.ROOT, "The file is %s; the limit is %s", Sizes.human(length), Sizes.human(maxBytes)));
    }
}
