package org.imageproc.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.imageproc.photo.PostForm;
import org.imageproc.photo.PresignedPost;
import org.imageproc.testing.MultipartForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Uploads through the S3 wire protocol (PUT, form POST, multipart, copy) and reads the resulting event notifications
 * from the SQS queue.
 */
class S3NotificationIT {

    private static final String BUCKET = "photo-repo";

    @TempDir
    static Path dataDir;
    static LocalAwsStack stack;
    static S3Client s3;
    static SqsClient sqs;

    @BeforeAll
    static void start() {
        stack = StackClients.start(StackClients.onFreePorts(dataDir));
        s3 = StackClients.s3(stack);
        sqs = StackClients.sqs(stack);
    }

    @AfterAll
    static void stop() {
        s3.close();
        sqs.close();
        stack.close();
    }

    @BeforeEach
    void emptyQueue() {
        sqs.purgeQueue(request -> request.queueUrl(stack.queueUrl()));
    }

    @Test
    void putUnderIncomingSendsOneEventWithTheEncodedKey() throws Exception {
        String etag = s3.putObject(request -> request.bucket(BUCKET).key("Incoming/my photo+1 é.jpg"),
                RequestBody.fromString("hello")).eTag();

        List<JsonNode> records = drainRecords();

        assertThat(records).hasSize(1);
        JsonNode record = records.get(0);
        assertThat(record.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(record.path("s3").path("bucket").path("name").asText()).isEqualTo(BUCKET);
        JsonNode object = record.path("s3").path("object");
        assertThat(object.path("key").asText()).isEqualTo("Incoming/my+photo%2B1+%C3%A9.jpg");
        assertThat(object.path("size").asLong()).isEqualTo(5);
        assertThat(object.path("eTag").asText()).isEqualTo("5d41402abc4b2a76b9719d911017c592")
                .isEqualTo(etag.replace("\"", ""));
        assertThat(object.path("sequencer").asText()).matches("[0-9A-F]{16}");
    }

    @Test
    void aFormPostUnderIncomingSendsPost() throws Exception {
        // session credentials, as IRSA gives the service in production: the form carries the token
        PresignedPost post = new PresignedPost(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                stack.settings().accessKey(), stack.settings().secretKey(), "session-token")),
                Region.of(stack.settings().region()), s3.utilities(), BUCKET, Clock.systemUTC());
        PostForm form = post.sign(Map.of("key", "Incoming/posted.png", "Content-Type", "image/png"), 1, 100,
                Duration.ofMinutes(1));
        assertThat(form.fields()).containsEntry("x-amz-security-token", "session-token");
        MultipartForm body = MultipartForm.of(form.fields(), "posted".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(form.url())
                .header("Content-Type", body.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(body.body()))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(s3.headObject(r -> r.bucket(BUCKET).key("Incoming/posted.png")).contentType())
                .isEqualTo("image/png");
        List<JsonNode> records = drainRecords();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).path("eventName").asText()).isEqualTo("ObjectCreated:Post");
        JsonNode object = records.get(0).path("s3").path("object");
        assertThat(object.path("key").asText()).isEqualTo("Incoming/posted.png");
        assertThat(object.path("size").asLong()).isEqualTo(6);
        assertThat(object.path("eTag").asText()).isEqualTo(response.headers().firstValue("ETag").orElseThrow()
                .replace("\"", ""));
    }

    @Test
    void aKeyThatLooksLikeAPathIsAnnouncedExactlyAsS3EncodesIt() throws Exception {
        String segment = "x".repeat(300);
        String key = "Incoming/../Incoming/a b+c%2F ü/" + segment + ".jpg";
        s3.putObject(request -> request.bucket(BUCKET).key(key), RequestBody.fromString("weird"));

        List<JsonNode> records = drainRecords();

        assertThat(records).extracting(record -> record.path("s3").path("object").path("key").asText())
                .containsExactly("Incoming/../Incoming/a+b%2Bc%252F+%C3%BC/" + segment + ".jpg");
        assertThat(records.get(0).path("s3").path("object").path("size").asLong()).isEqualTo(5);
        assertThat(s3.getObjectAsBytes(request -> request.bucket(BUCKET).key(key)).asUtf8String()).isEqualTo("weird");
    }

    @Test
    void putOutsideIncomingSendsNothing() throws Exception {
        s3.putObject(request -> request.bucket(BUCKET).key("Outgoing/photo.jpg"), RequestBody.fromString("x"));
        // events go out before S3 answers, in order: the marker's event would follow one for the first upload
        s3.putObject(request -> request.bucket(BUCKET).key("Incoming/marker.jpg"), RequestBody.fromString("x"));

        assertThat(drainRecords()).extracting(record -> record.path("s3").path("object").path("key").asText())
                .containsExactly("Incoming/marker.jpg");
    }

    @Test
    void multipartUploadSendsCompleteMultipartUpload() throws Exception {
        String key = "Incoming/big.jpg";
        byte[] first = new byte[5 * 1024 * 1024];
        Arrays.fill(first, (byte) 'a');
        String uploadId = s3.createMultipartUpload(request -> request.bucket(BUCKET).key(key)).uploadId();
        String etag1 = s3.uploadPart(request -> request.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(first)).eTag();
        String etag2 = s3.uploadPart(request -> request.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(2),
                RequestBody.fromString("end")).eTag();
        s3.completeMultipartUpload(request -> request.bucket(BUCKET).key(key).uploadId(uploadId)
                .multipartUpload(upload -> upload.parts(
                        CompletedPart.builder().partNumber(1).eTag(etag1).build(),
                        CompletedPart.builder().partNumber(2).eTag(etag2).build())));

        List<JsonNode> records = drainRecords();

        assertThat(records).hasSize(1);
        assertThat(records.get(0).path("eventName").asText()).isEqualTo("ObjectCreated:CompleteMultipartUpload");
        JsonNode object = records.get(0).path("s3").path("object");
        assertThat(object.path("key").asText()).isEqualTo(key);
        assertThat(object.path("size").asLong()).isEqualTo(first.length + 3L);
        assertThat(object.path("eTag").asText()).endsWith("-2");
    }

    @Test
    void copyIntoIncomingSendsCopy() throws Exception {
        s3.putObject(request -> request.bucket(BUCKET).key("Archive/source.jpg"), RequestBody.fromString("copied"));
        s3.copyObject(request -> request.sourceBucket(BUCKET).sourceKey("Archive/source.jpg")
                .destinationBucket(BUCKET).destinationKey("Incoming/copy.jpg"));

        List<JsonNode> records = drainRecords();

        assertThat(records).hasSize(1);
        assertThat(records.get(0).path("eventName").asText()).isEqualTo("ObjectCreated:Copy");
        JsonNode object = records.get(0).path("s3").path("object");
        assertThat(object.path("key").asText()).isEqualTo("Incoming/copy.jpg");
        assertThat(object.path("size").asLong()).isEqualTo("copied".getBytes(StandardCharsets.UTF_8).length);
    }

    /** Every record now in the queue; S3 sends before it answers, so there is nothing to wait for. */
    private static List<JsonNode> drainRecords() throws Exception {
        return StackClients.drainRecords(sqs, stack.queueUrl());
    }
}
