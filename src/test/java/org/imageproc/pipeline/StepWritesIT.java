package org.imageproc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.camel.Route;
import org.awaitility.Awaitility;
import org.imageproc.TestService;
import org.imageproc.run.Steps;
import org.imageproc.testing.DynamoDbRequests;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What one image costs in DynamoDB writes, counted by the service's own counter at its Prometheus endpoint, on a
 * service of its own (real dynalite) so that the counts are this test's images only: three for an image processed (two
 * more for a user's photo: its search entries in one batch, their counts in one update),
 * one more than the writes before it for a failure. The item still shows every step, and shows the steps running
 * while they run.
 */
class StepWritesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of("camel.main.name", "stepwrites"));
    }

    @AfterAll
    static void stop() {
        service.stop();
    }

    @Test
    void aProcessedImageCostsThreeWritesAndItsItemShowsEachStepRunningThenDone() throws Exception {
        String id = "stepwrites-held-" + UUID.randomUUID() + ".jpg";
        // label detection held until the test has seen the item while the steps after store-metadata run
        service.rekognition().delay(id);
        DynamoDbRequests before = requests();

        put(id, TestImages.jpeg(800, 600));
        Map<String, AttributeValue> running = Awaitility.await().atMost(WAIT).until(() -> service.item(id),
                item -> item != null && item.containsKey("imageFormat"));
        service.rekognition().heal(id);
        Map<String, AttributeValue> item = service.awaitFinal(id, WAIT);
        DynamoDbRequests made = requests().since(before);

        assertThat(running.get("status").s()).isEqualTo("RUNNING");
        assertThat(statuses(running)).containsOnly(entry("read-image", "SUCCEEDED"),
                entry("extract-metadata", "SUCCEEDED"), entry("check-image", "SUCCEEDED"),
                entry("store-metadata", "SUCCEEDED"), entry("decode-image", "RUNNING"),
                entry("detect-labels", "RUNNING"), entry("make-thumbnail", "RUNNING"));
        assertThat(running.get("steps").m().get("detect-labels").m()).containsKey("startedAt")
                .doesNotContainKey("durationMs");

        assertThat(item.get("status").s()).isEqualTo("SUCCEEDED");
        assertThat(made.writes()).isEqualTo(3);
        assertThat(made.byOperation()).contains(entry("PutItem", 1.0), entry("UpdateItem", 2.0));
        Map<String, AttributeValue> steps = item.get("steps").m();
        // every step route of the flow, whatever steps it has
        assertThat(steps.keySet()).isEqualTo(stepRoutes()).contains("read-image", "store-metadata", "detect-labels",
                "make-thumbnail", "finish-execution");
        steps.forEach((name, step) -> {
            assertThat(step.m().get("status").s()).as(name).isEqualTo("SUCCEEDED");
            assertThat(step.m().get("startedAt").s()).as(name).isNotBlank();
            assertThat(durationMs(item, name)).as(name).isNotNegative();
        });
        // the steps that wait for a server (S3, dynalite, the held label service) take time
        for (String slow : List.of("read-image", "store-metadata", "detect-labels", "make-thumbnail")) {
            assertThat(durationMs(item, slow)).as(slow).isPositive();
        }
    }

    @Test
    void aUsersPhotoCostsTwoWritesMoreForItsSearchEntriesWhateverItsNumberOfLabels() throws Exception {
        String id = "stepwrites-" + UUID.randomUUID() + ".jpg";
        String user = "writes-" + UUID.randomUUID().toString().substring(0, 8);
        DynamoDbRequests before = requests();

        service.s3().putObject(r -> r.bucket(TestService.BUCKET).key("Incoming/" + id)
                .metadata(Map.of("userid", user, "albumid", user + "/trip")),
                RequestBody.fromBytes(TestImages.jpeg(320, 240)));
        Map<String, AttributeValue> item = service.awaitFinal(id, WAIT);
        DynamoDbRequests made = requests().since(before);

        assertThat(item.get("status").s()).isEqualTo("SUCCEEDED");
        // Dog, Animal and Pet: three entries in one batch, three counts in one update
        assertThat(made.writes()).isEqualTo(5);
        assertThat(made.byOperation()).contains(entry("PutItem", 1.0), entry("UpdateItem", 3.0),
                entry("BatchWriteItem", 1.0));
        assertThat(service.dynamoDb().query(r -> r.tableName("PhotoLabels").indexName("imageID-index")
                .keyConditionExpression("imageID = :id")
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(id)))).items())
                .extracting(entry -> entry.get("label").s()).containsExactlyInAnyOrder("Dog", "Animal", "Pet");
        Map<String, AttributeValue> counts = service.dynamoDb().getItem(r -> r.tableName("PhotoLabels")
                .key(Map.of("pk", AttributeValue.fromS(user), "sk", AttributeValue.fromS("#counts")))).item();
        assertThat(counts).containsEntry("label:Dog", AttributeValue.fromN("1"))
                .containsEntry("label:Animal", AttributeValue.fromN("1"))
                .containsEntry("label:Pet", AttributeValue.fromN("1"));
    }

    @Test
    void aRejectedImageCostsTheClaimAndItsFailure() throws Exception {
        String id = "stepwrites-" + UUID.randomUUID() + ".png";
        DynamoDbRequests before = requests();

        put(id, TestImages.gif(TestImages.gradient(64, 48)));
        Map<String, AttributeValue> item = service.awaitFinal(id, WAIT);
        DynamoDbRequests made = requests().since(before);

        assertThat(item.get("status").s()).isEqualTo("FAILED");
        assertThat(made.writes()).isEqualTo(2);
        assertThat(made.byOperation()).contains(entry("PutItem", 1.0), entry("UpdateItem", 1.0));
        assertThat(statuses(item)).containsOnly(entry("read-image", "SUCCEEDED"),
                entry("extract-metadata", "SUCCEEDED"), entry("check-image", "FAILED"));
        Map<String, AttributeValue> failed = item.get("steps").m().get("check-image").m();
        assertThat(failed.get("error").s()).isEqualTo(item.get("cause").s()).contains("GIF");
        assertThat(durationMs(item, "check-image")).isNotNegative();
    }

    @Test
    void anImageThatFailsAfterItsMetadataWasStoredCostsOneWriteMore() throws Exception {
        String id = "stepwrites-" + UUID.randomUUID() + ".jpg";
        DynamoDbRequests before = requests();

        put(id, TestImages.truncated(TestImages.jpeg(640, 480), 0.02));
        Map<String, AttributeValue> item = service.awaitFinal(id, WAIT);
        DynamoDbRequests made = requests().since(before);

        assertThat(item.get("status").s()).isEqualTo("FAILED");
        assertThat(item.get("failedStep").s()).isEqualTo("decode-image");
        assertThat(made.writes()).isEqualTo(3);
        assertThat(made.byOperation()).contains(entry("PutItem", 1.0), entry("UpdateItem", 2.0));
        assertThat(statuses(item)).contains(entry("store-metadata", "SUCCEEDED"), entry("decode-image", "FAILED"))
                // a finished run shows no step running, not even one of the parallel branch that did not fail
                .doesNotContainValue("RUNNING");
        assertThat(item.get("steps").m().get("decode-image").m().get("error").s()).isNotBlank();
    }

    private static Set<String> stepRoutes() {
        return service.context().getRoutes().stream().filter(route -> Steps.GROUP.equals(route.getGroup()))
                .map(Route::getRouteId).collect(Collectors.toSet());
    }

    private static Map<String, String> statuses(Map<String, AttributeValue> item) {
        return item.get("steps").m().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, step -> step.getValue().m().get("status").s()));
    }

    private static long durationMs(Map<String, AttributeValue> item, String step) {
        return Long.parseLong(item.get("steps").m().get(step).m().get("durationMs").n());
    }

    private static DynamoDbRequests requests() throws IOException, InterruptedException {
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(service.management()
                .resolve("observe/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        return DynamoDbRequests.parse(metrics.body());
    }

    private static void put(String id, byte[] bytes) {
        service.s3().putObject(r -> r.bucket(TestService.BUCKET).key("Incoming/" + id), RequestBody.fromBytes(bytes));
    }
}
