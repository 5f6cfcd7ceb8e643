package org.imageproc;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A user's script uploading one photo under many keys, one after the other, whatever the service does meanwhile; it
 * records which uploads S3 acknowledged and which it refused with 503 SlowDown. No retries: an answer is final.
 */
final class BurstUpload implements AutoCloseable {

    private final S3Client s3;
    private final Thread thread;
    private final List<String> acknowledged = new CopyOnWriteArrayList<>();
    private final List<String> slowedDown = new CopyOnWriteArrayList<>();

    private BurstUpload(S3Client s3, byte[] photo, String prefix, int count) {
        this.s3 = s3;
        this.thread = new Thread(() -> {
            for (int i = 0; i < count; i++) {
                upload(photo, prefix + i + ".jpg");
            }
        }, "burst-upload");
    }

    /** Starts uploading {@code count} copies of the photo as Incoming/{prefix}{n}.jpg to the local S3 on the port. */
    static BurstUpload start(int s3Port, byte[] photo, String prefix, int count) {
        S3Client s3 = S3Client.builder().region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)))
                .endpointOverride(URI.create("http://127.0.0.1:" + s3Port))
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(20)))
                .build();
        BurstUpload burst = new BurstUpload(s3, photo, prefix, count);
        burst.thread.start();
        return burst;
    }

    private void upload(byte[] photo, String imageId) {
        try {
            s3.putObject(r -> r.bucket("photo-repo").key("Incoming/" + imageId), RequestBody.fromBytes(photo));
            acknowledged.add(imageId);
        } catch (S3Exception e) {
            if (e.statusCode() == 503 && "SlowDown".equals(e.awsErrorDetails().errorCode())) {
                slowedDown.add(imageId);
            }
        } catch (SdkException e) {
            // no answer (the service is gone): not acknowledged
        }
    }

    /** Image ids of the uploads S3 answered 200. */
    List<String> acknowledged() {
        return List.copyOf(acknowledged);
    }

    /** Image ids of the uploads S3 refused with 503 SlowDown. */
    List<String> slowedDown() {
        return List.copyOf(slowedDown);
    }

    boolean isDone() {
        return !thread.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
        s3.close();
    }
}
