package org.imageproc.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.imageproc.run.S3EventJson;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.imageproc.aws.LocalStackSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local S3 acknowledges an upload under the incoming prefix only once its event is on the queue: a stopping stack
 * answers such uploads 503 SlowDown with S3's error document, an upload whose event could not be queued gets a 500,
 * and no write is taken before the queue is connected.
 */
class UploadAcknowledgementIT {

    private static final String BUCKET = "photo-repo";

    @TempDir
    Path dataDir;

    @Test
    void aStoppingStackRefusesUploadsWithSlowDownButTakesTheServicesOwnWrites() throws Exception {
        try (LocalAwsStack stack = StackClients.start(StackClients.onFreePorts(dataDir));
                S3Client s3 = StackClients.s3(stack);
                SqsClient sqs = StackClients.sqs(stack);
                S3Presigner presigner = presigner(stack)) {
            stack.stopTakingUploads();

            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            presigner.presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(1))
                                    .putObjectRequest(put -> put.bucket(BUCKET).key("Incoming/late.jpg"))).url().toURI())
                    .PUT(HttpRequest.BodyPublishers.ofString("late")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("<Code>SlowDown</Code>",
                    "The local S3 is stopping and takes no more uploads under Incoming/");
            assertThat(s3.listObjectsV2(r -> r.bucket(BUCKET).prefix("Incoming/")).contents()).isEmpty();
            // a thumbnail of an image finishing during the stop
            s3.putObject(r -> r.bucket(BUCKET).key("Thumbnails/finishing.jpg"), RequestBody.fromString("thumb"));
            assertThat(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("Thumbnails/finishing.jpg")).asUtf8String())
                    .isEqualTo("thumb");
            assertThat(sqs.receiveMessage(r -> r.queueUrl(stack.queueUrl()).waitTimeSeconds(1)).messages()).isEmpty();
        }
    }

    @Test
    void anUploadWhoseEventCannotBeQueuedIsNotAcknowledged(@TempDir Path storeDir) throws Exception {
        try (LocalAwsStack stack = StackClients.start(StackClients.onFreePorts(dataDir));
                SqsClient sqs = StackClients.sqs(stack)) {
            NotifyingBlobStore store = new NotifyingBlobStore(new FilesystemNio2BlobStore(storeDir.toString()));
            store.createContainer(BUCKET);
            // a queue that does not exist: SQS refuses the event, as it would any failing send
            store.notifyTo(new Notification(BUCKET, "Incoming/", new S3EventPublisher(sqs,
                    stack.queueUrl() + "-gone", new S3EventJson("us-east-1", "test"))));

            assertThatThrownBy(() -> put(store, "Incoming/unannounced.jpg"))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(500);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalError");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("The object was stored but its event could not be queued; upload it again");
                    });
            // stored all the same, for the next start's sweep to announce
            assertThat(store.blobExists(BUCKET, "Incoming/unannounced.jpg")).isTrue();
            put(store, "Elsewhere/not-announced.jpg");
        }
    }

    @Test
    void noWriteIsTakenBeforeTheQueueIsConnected() {
        NotifyingBlobStore store = new NotifyingBlobStore(new FilesystemNio2BlobStore(dataDir.toString()));
        store.createContainer(BUCKET);

        for (String key : new String[] {"Incoming/early.jpg", "Elsewhere/early.jpg"}) {
            assertThatThrownBy(() -> put(store, key)).isInstanceOfSatisfying(S3Exception.class, e -> {
                assertThat(e.statusCode()).isEqualTo(503);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SlowDown");
            });
            assertThat(store.blobExists(BUCKET, key)).isFalse();
        }
    }

    private static void put(NotifyingBlobStore store, String key) {
        store.putBlob(PutObjectRequest.builder().bucket(BUCKET).key(key).build(),
                new ByteArrayInputStream(new byte[] {1, 2, 3}));
    }

    private static S3Presigner presigner(LocalAwsStack stack) {
        LocalStackSettings settings = stack.settings();
        return S3Presigner.builder().endpointOverride(stack.s3Endpoint()).region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }
}
