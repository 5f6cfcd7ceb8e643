package org.imageproc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.imageproc.TestService;
import org.imageproc.aws.AwsModeService;
import org.imageproc.testing.TestImages;
import org.imageproc.web.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The service's IAM policy in aws/imageproc.yaml allows exactly what the service does: it runs in aws mode through a
 * whole scenario (albums, uploads through signed POST forms, a processed JPEG, a rejected GIF, the gallery, the links,
 * the readiness probe, a photo whose event ends in the dead-letter queue and is retried), every SDK call of the
 * service's clients is recorded, and the calls as "action on resource" must equal what the template grants.
 */
class IamPolicyIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String USER = "iam";

    /** Granted for calls that are not made through the SDK here, each with the reason. */
    private static final Set<String> NOT_SEEN_AS_SDK_CALLS = Set.of(
            // the browser's upload: a POST of the form the service signs with its credentials (S3 authorizes a POST
            // upload as PutObject)
            "s3:PutObject on PhotoBucket/Incoming/*",
            // the browser shows originals and thumbnails through presigned GETs, signed likewise
            "s3:GetObject on PhotoBucket/Thumbnails/*");

    private static AwsModeService aws;
    private static Set<String> used;

    @BeforeAll
    static void runTheServiceThroughAScenario() throws Exception {
        // the stack's own calls (creating tables, looking up queues) are not the service's; quick dead letters take a
        // photo to the dead-letter queue in about 15 s
        aws = AwsModeService.start(AwsCallRecorder::start, stack -> TestService.QUICK_DEAD_LETTERS);
        Api api = new Api(aws.service().web());

        assertThat(api.createAlbum(USER, "trip").status()).isEqualTo(201);
        assertThat(api.get("api/albums", USER).status()).isEqualTo(200);
        JsonNode jpeg = upload(api, "photo.jpg", "image/jpeg", TestImages.jpeg(640, 480));
        // a GIF gets no ticket; named .png it does, and the pipeline rejects it
        JsonNode gif = upload(api, "anim.png", "image/png", TestImages.gif(TestImages.gradient(60, 40)));

        assertThat(jpeg.path("item").path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(gif.path("item").path("status").asText()).isEqualTo("FAILED");
        // a photo replaced by a file that fails: its earlier thumbnail is removed
        JsonNode replaced = upload(api, "replaced.jpg", "image/jpeg", TestImages.jpeg(320, 240));
        String replacedId = replaced.path("imageID").asText();
        Map<String, String> owner = Map.of("userid", USER, "albumid", replaced.path("item").path("albumID").asText());
        AwsCallRecorder.unrecorded(() -> aws.service().s3().putObject(r -> r.bucket(TestService.BUCKET)
                .key("Incoming/" + replacedId).metadata(owner),
                RequestBody.fromBytes(TestImages.gif(TestImages.gradient(60, 40)))));
        Awaitility.await().atMost(WAIT).until(() -> "FAILED".equals(api.get("api/photos/" + replacedId, USER).json()
                .path("item").path("status").asText()));
        assertThat(api.get("api/albums/" + USER + "/trip/photos", USER).json().path("items")).hasSize(3);
        // search finds the JPEG; the replaced photo's entries are stale and taken away when a search meets them
        assertThat(api.get("api/search?label=dog", USER).json().path("items")).extracting(p -> p.path("imageID")
                .asText()).containsExactly(jpeg.path("imageID").asText());
        assertThat(api.get("api/labels", USER).status()).isEqualTo(200);
        assertThat(api.get("api/failures", USER).json().path("items")).hasSize(2);
        assertThat(fetch(jpeg.path("thumbnailUrl").asText())).isEqualTo(200);
        assertThat(fetch(jpeg.path("imageUrl").asText())).isEqualTo(200);
        // label detection keeps failing for two photos until their events are in the dead-letter queue; retrying one
        // holds the other for a moment and releases it
        List<String> unlucky = List.of(failingUpload(api, "unlucky.jpg"), failingUpload(api, "unluckier.jpg"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> unlucky.stream().allMatch(id ->
                api.get("api/photos/" + id, USER).json().path("item").path("deadLetter").asBoolean())
                && deadLetters() == 2);
        aws.service().rekognition().heal(unlucky.get(0));
        assertThat(api.post("api/photos/" + unlucky.get(0) + "/retry", USER, "").status()).isEqualTo(202);
        aws.service().rekognition().heal(unlucky.get(1));
        assertThat(api.post("api/failures/retry", USER, Map.of("imageIDs", List.of(unlucky.get(1)))).json()
                .path("requeued")).hasSize(1);
        Awaitility.await().atMost(WAIT).until(() -> unlucky.stream().allMatch(id -> "SUCCEEDED".equals(
                api.get("api/photos/" + id, USER).json().path("item").path("status").asText())));
        // an album reprocessed, a photo reprocessed and deleted, an album deleted, each followed as a job
        awaitJob(api, api.post("api/albums/" + USER + "/trip/reprocess", USER, Map.of("scope", "missing")));
        String jpegId = jpeg.path("imageID").asText();
        awaitJob(api, api.post("api/photos/" + jpegId + "/reprocess", USER, ""));
        assertThat(api.delete("api/photos/" + jpegId, USER).status()).isEqualTo(204);
        assertThat(api.createAlbum(USER, "gone").status()).isEqualTo(201);
        upload(api, "gone", "going.jpg", "image/jpeg", TestImages.jpeg(200, 150));
        awaitJob(api, api.delete("api/albums/" + USER + "/gone", USER));
        // readiness asks for the queue, the bucket and the tables, as the kubelet's probe does (it turns UP once the
        // consumers have polled)
        String ready = aws.service().management().resolve("observe/health/ready").toString();
        Awaitility.await().atMost(WAIT).until(() -> fetch(ready) == 200);

        used = AwsCallRecorder.stop().stream()
                .filter(call -> ports().contains(call.port()))
                // in AWS, S3 itself sends the events (the queue policy lets it); here the local stack's own client
                // stands in for S3
                .filter(AwsCallRecorder.Call::byTheService)
                .map(IamPolicyIT::grantFor)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @AfterAll
    static void stop() {
        // also when the scenario failed half-way
        AwsCallRecorder.stop();
        aws.close();
    }

    @Test
    void everyCallTheServiceMakesIsGranted() {
        assertThat(IamGrants.of(CloudFormation.read())).containsAll(used);
    }

    @Test
    void everyGrantIsUsedByACallOrNamedWithItsReason() {
        Set<String> needed = new TreeSet<>(used);
        needed.addAll(NOT_SEEN_AS_SDK_CALLS);

        assertThat(IamGrants.of(CloudFormation.read())).containsExactlyInAnyOrderElementsOf(needed);
    }

    @Test
    void theScenarioReachedEveryKindOfResource() {
        assertThat(used).contains("sqs:ReceiveMessage on EventQueue", "sqs:DeleteMessage on EventQueue",
                "sqs:GetQueueAttributes on EventQueue", "s3:ListBucket on PhotoBucket",
                "dynamodb:DescribeTable on AlbumTable",
                "s3:GetObject on PhotoBucket/Incoming/*", "s3:PutObject on PhotoBucket/Thumbnails/*",
                "s3:DeleteObject on PhotoBucket/Thumbnails/*",
                "dynamodb:UpdateItem on ImageTable", "dynamodb:Query on ImageTable/index/albumID-uploadTime-index",
                "dynamodb:PutItem on AlbumTable", "rekognition:DetectLabels on *",
                "dynamodb:BatchGetItem on ImageTable", "dynamodb:Query on ImageTable/index/userID-failedAt-index",
                "dynamodb:BatchWriteItem on LabelTable", "dynamodb:DeleteItem on LabelTable",
                "dynamodb:Query on LabelTable/index/pk-uploadTime-index",
                "dynamodb:Query on LabelTable/index/imageID-index",
                "sqs:ChangeMessageVisibility on EventQueue", "sqs:SendMessage on EventQueue",
                "sqs:ReceiveMessage on DeadLetterQueue", "sqs:DeleteMessage on DeadLetterQueue",
                "sqs:ChangeMessageVisibility on DeadLetterQueue", "dynamodb:UpdateItem on JobTable",
                "dynamodb:BatchGetItem on JobTable", "dynamodb:DeleteItem on ImageTable",
                "dynamodb:DeleteItem on AlbumTable", "s3:DeleteObject on PhotoBucket/Incoming/*");
    }

    private static JsonNode upload(Api api, String fileName, String contentType, byte[] bytes) {
        return upload(api, "trip", fileName, contentType, bytes);
    }

    private static JsonNode upload(Api api, String album, String fileName, String contentType, byte[] bytes) {
        Api.Reply reply = api.post("api/albums/" + USER + "/" + album + "/uploads", USER,
                Map.of("fileName", fileName, "contentType", contentType));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        assertThat(Api.upload(reply.json(), bytes).status()).isEqualTo(204);
        return api.awaitFinal(reply.json().path("imageID").asText(), USER, WAIT);
    }

    /** Waits until the job the reply answered with is FINISHED. */
    private static void awaitJob(Api api, Api.Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        String job = "api/jobs/" + reply.json().path("jobId").asText();
        Awaitility.await().atMost(WAIT).until(() -> "FINISHED".equals(api.get(job, USER).json().path("state")
                .asText()));
    }

    /** Uploads a photo whose label detection fails until healed; its image id. */
    private static String failingUpload(Api api, String fileName) {
        Api.Reply ticket = api.post("api/albums/" + USER + "/trip/uploads", USER,
                Map.of("fileName", fileName, "contentType", "image/jpeg"));
        String id = ticket.json().path("imageID").asText();
        aws.service().rekognition().fail(id);
        assertThat(Api.upload(ticket.json(), TestImages.jpeg(200, 100)).status()).isEqualTo(204);
        return id;
    }

    /** Messages in the dead-letter queue, asked as the test, not the service. */
    private static int deadLetters() {
        int[] depth = {0};
        AwsCallRecorder.unrecorded(() -> depth[0] = aws.service().queueDepth("image-events-dlq"));
        return depth[0];
    }

    private static int fetch(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Ports of the stack the service in aws mode talks to, and of its stand-in Rekognition. */
    private static Set<Integer> ports() {
        return Set.of(aws.stack().s3Endpoint().getPort(), aws.stack().sqsEndpoint().getPort(),
                aws.stack().dynamoDbEndpoint().getPort(), aws.service().rekognition().endpoint().getPort());
    }

    /** The IAM action and the template's resource one SDK call needs. */
    private static String grantFor(AwsCallRecorder.Call call) {
        return switch (call.service()) {
            case "S3" -> "s3:" + s3Action(call.operation()) + " on PhotoBucket"
                    + call.key().map(key -> "/" + key.substring(0, key.indexOf('/') + 1) + "*").orElse("");
            case "Sqs" -> "sqs:" + call.operation() + " on " + queue(call.queue().orElse("?"));
            case "DynamoDb" -> "dynamodb:" + call.operation() + " on " + table(call.table().orElse("?"))
                    + call.index().map(index -> "/index/" + index).orElse("");
            case "Rekognition" -> "rekognition:" + call.operation() + " on *";
            default -> throw new AssertionError("a call to a service the template does not cover: " + call);
        };
    }

    /** S3 checks the object's permission for HeadObject and the bucket's list permission for HeadBucket. */
    private static String s3Action(String operation) {
        return switch (operation) {
            case "HeadObject" -> "GetObject";
            case "HeadBucket", "ListObjectsV2", "ListObjects" -> "ListBucket";
            default -> operation;
        };
    }

    /** The event queue or its dead-letter queue by URL or name; ListQueues names no queue, it lists the account's. */
    private static String queue(String urlOrName) {
        if (urlOrName.equals("?")) {
            return "sqs:*";
        }
        if (names(urlOrName, AppProperties.value("imageproc.queue"))) {
            return "EventQueue";
        }
        return names(urlOrName, AppProperties.value("imageproc.dead-letter-queue")) ? "DeadLetterQueue" : urlOrName;
    }

    private static boolean names(String urlOrName, String queue) {
        return urlOrName.endsWith("/" + queue) || urlOrName.equals(queue);
    }

    private static String table(String name) {
        if (name.equals(AppProperties.value("imageproc.table.images"))) {
            return "ImageTable";
        }
        if (name.equals(AppProperties.value("imageproc.table.labels"))) {
            return "LabelTable";
        }
        if (name.equals(AppProperties.value("imageproc.table.jobs"))) {
            return "JobTable";
        }
        return name.equals(AppProperties.value("imageproc.table.albums")) ? "AlbumTable" : name;
    }
}
