package org.imageproc.thumbnail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.imageproc.run.Execution;
import org.imageproc.run.FailureCode;
import org.imageproc.run.ImageRejectedException;
import org.imageproc.run.RunStatus;
import org.imageproc.run.RunSupersededException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Writes and removes an image's thumbnail so that only the run owning the item has the last word: each write is a
 * compare-and-swap (If-Match on what was there, If-None-Match when nothing was) made only while the run owns the item,
 * and a run that finds itself superseded after writing takes its own thumbnail back. The owner's write is then
 * never replaced by a superseded run's, whatever the interleaving. Writes need the item RUNNING: a parallel step that
 * failed the run meanwhile leaves it FAILED, and a FAILED item has no thumbnail, whichever of the write and the
 * failure's removal comes first.
 */
public class ThumbnailStore {

    private static final Logger LOG = LoggerFactory.getLogger(ThumbnailStore.class);
    private static final int ATTEMPTS = 5;
    private static final int MAX_KEY_BYTES = 1024;

    private final S3Client s3;
    private final String prefix;
    private final Ownership ownership;

    public ThumbnailStore(S3Client s3, String prefix, Ownership ownership) {
        this.s3 = s3;
        this.prefix = prefix;
        this.ownership = ownership;
    }

    public String key(Execution execution) {
        return prefix + execution.imageId();
    }

    /** Stores the run's thumbnail under {@link #key}; throws {@link RunSupersededException} if the run lost its item. */
    public StoredThumbnail put(Execution execution, Thumbnail thumbnail) {
        String key = key(execution);
        if (tooLong(key)) {
            throw new ImageRejectedException(FailureCode.KEY_TOO_LONG, String.format(Locale.ROOT,
                    "The thumbnail's key would be %,d bytes long; S3 allows %,d: shorten the photo's name",
                    key.getBytes(StandardCharsets.UTF_8).length, MAX_KEY_BYTES));
        }
        byte[] bytes = Provenance.stamp(thumbnail.bytes(), thumbnail.contentType(),
                "imageproc execution " + execution.executionId() + " of ETag " + execution.eTag());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String seen = eTag(execution.bucket(), key);
            requireOwner(execution);
            String written = putIf(execution, key, seen, thumbnail.contentType(), bytes);
            if (written == null) {
                continue;
            }
            RunStatus status = ownership.status(execution);
            if (status != RunStatus.RUNNING) {
                deleteIf(execution.bucket(), key, written);
                throw stopped(execution, status);
            }
            return new StoredThumbnail(execution.bucket(), key, thumbnail.width(), thumbnail.height(),
                    thumbnail.warnings());
        }
        throw new IllegalStateException("The thumbnail " + key + " kept changing while it was written");
    }

    /** Removes whatever thumbnail the key has, while the run owns the item: a FAILED upload has none. */
    public void remove(Execution execution) {
        if (execution == null || tooLong(key(execution))) {
            return;
        }
        String key = key(execution);
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                String seen = eTag(execution.bucket(), key);
                if (seen == null || ownership.status(execution) == null) {
                    return;
                }
                if (deleteIf(execution.bucket(), key, seen)) {
                    LOG.info("Removed the thumbnail {} of an earlier upload: this upload failed", key);
                    return;
                }
            }
        } catch (SdkException e) {
            // the failure itself is recorded; the next run of this key removes the thumbnail
            LOG.warn("Could not remove the thumbnail {} of an earlier upload: {}", key, e.getMessage());
        }
    }

    private static boolean tooLong(String key) {
        return key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES;
    }

    private void requireOwner(Execution execution) {
        RunStatus status = ownership.status(execution);
        if (status != RunStatus.RUNNING) {
            throw stopped(execution, status);
        }
    }

    private static RunSupersededException stopped(Execution execution, RunStatus status) {
        return new RunSupersededException(status == null ? "Another run of " + execution.key() + " owns the item now"
                : "The run of " + execution.key() + " is " + status + " already (a step beside this one ended it)");
    }

    private String eTag(String bucket, String key) {
        try {
            HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(key));
            return head.eTag();
        } catch (NoSuchKeyException e) {
            return null;
        }
    }

    /** The new ETag, or null when the thumbnail changed since {@code seen}. */
    private String putIf(Execution execution, String key, String seen, String contentType, byte[] bytes) {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(execution.bucket()).key(key)
                .contentType(contentType)
                .metadata(Map.of("source-etag", execution.eTag(), "execution-id", execution.executionId()));
        if (seen == null) {
            request.ifNoneMatch("*");
        } else {
            request.ifMatch(seen);
        }
        try {
            return s3.putObject(request.build(), RequestBody.fromBytes(bytes)).eTag();
        } catch (S3Exception e) {
            if (changed(e)) {
                return null;
            }
            throw e;
        }
    }

    private boolean deleteIf(String bucket, String key, String eTag) {
        try {
            s3.deleteObject(r -> r.bucket(bucket).key(key).ifMatch(eTag));
            return true;
        } catch (S3Exception e) {
            if (changed(e)) {
                return false;
            }
            throw e;
        }
    }

    // S3 answers 412 when the ETag differs, 404 when the object is gone, 409 when another conditional write won
    private static boolean changed(S3Exception e) {
        return e.statusCode() == 412 || e.statusCode() == 404 || e.statusCode() == 409;
    }
}
