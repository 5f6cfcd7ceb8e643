package org.imageproc.local;

import java.io.InputStream;

import org.gaul.s3proxy.S3ProxyHandler;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * s3proxy blob store decorator that announces created objects, as an S3 bucket notification configuration does, and
 * acknowledges an announced upload only once its event is on the queue: until the queue is connected and once the
 * stack stops it refuses such uploads with 503 SlowDown, and one whose event could not be sent gets a 500.
 */
final class NotifyingBlobStore extends ForwardingBlobStore {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyingBlobStore.class);
    private static final StackWalker STACK = StackWalker.getInstance();

    private volatile Notification notification;
    private volatile boolean stopping;

    NotifyingBlobStore(BlobStore delegate) {
        super(delegate);
    }

    void notifyTo(Notification target) {
        notification = target;
    }

    /** From now on uploads that would be announced are refused, while the service's own writes still go through. */
    void stopTakingUploads() {
        stopping = true;
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        Notification target = accepting(request.bucket(), request.key());
        PutObjectResponse response = super.putBlob(request, content);
        created(target, request.bucket(), request.key(), byFormPost() ? CreatedObject.POST : CreatedObject.PUT);
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
            CompleteMultipartUploadRequest request) {
        Notification target = accepting(upload.containerName(), upload.blobName());
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        created(target, upload.containerName(), upload.blobName(), CreatedObject.COMPLETE_MULTIPART_UPLOAD);
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        Notification target = accepting(request.destinationBucket(), request.destinationKey());
        CopyObjectResponse response = super.copyBlob(request);
        created(target, request.destinationBucket(), request.destinationKey(), CreatedObject.COPY);
        return response;
    }

    /**
     * The notification the object will be announced to, if it matches; a refusal, before anything is stored, when its
     * event could not be sent. Until the queue is connected no write is taken, since none can be told apart yet.
     */
    private Notification accepting(String bucket, String key) {
        Notification target = notification;
        if (target == null) {
            throw S3Refusals.slowDown("The local S3 is starting; try again in a moment");
        }
        if (stopping && target.matches(bucket, key)) {
            throw S3Refusals.slowDown("The local S3 is stopping and takes no more uploads under " + target.prefix());
        }
        return target;
    }

    /**
     * s3proxy stores a browser form upload through the same putBlob as a PutObject; only the caller tells them apart
     * (S3 names the event ObjectCreated:Post). S3NotificationIT fails should s3proxy rename the method.
     */
    private static boolean byFormPost() {
        return STACK.walk(frames -> frames.anyMatch(frame -> frame.getMethodName().equals("handlePostBlob")
                && frame.getClassName().equals(S3ProxyHandler.class.getName())));
    }

    private void created(Notification target, String bucket, String key, String eventName) {
        if (!target.matches(bucket, key)) {
            return;
        }
        CreatedObject object;
        try {
            HeadObjectResponse head = delegate().blobMetadata(bucket, key);
            object = new CreatedObject(bucket, key, head.contentLength(), head.eTag(), eventName);
        } catch (RuntimeException e) {
            LOG.warn("No {} event for s3://{}/{}: {}", eventName, bucket, key, e.toString());
            return;
        }
        try {
            target.publisher().publish(object);
        } catch (SdkException e) {
            // stored, but not acknowledged: the client sends it again, or the next start's sweep announces it
            LOG.warn("Could not announce s3://{}/{}, answering 500 to its upload: {}", bucket, key, e.toString());
            throw S3Refusals.internalError("The object was stored but its event could not be queued; upload it again");
        }
    }
}
