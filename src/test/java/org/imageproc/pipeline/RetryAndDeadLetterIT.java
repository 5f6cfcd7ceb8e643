package org.imageproc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.imageproc.TestService;
import org.imageproc.testing.TestImages;
import org.imageproc.web.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A step that keeps failing for a reason retrying could fix: each delivery retries it in place, records the run
 * FAILED (retryable) and leaves the message to come back; after its fifth receive the queue moves it to the
 * dead-letter queue, and the item says so, with the deliveries, the attempts and the last cause. A run that never
 * finishes is marked the same way by the dead-letter sweep. Dead letters come back with the retry and redrive API
 * calls, or with SQS's own StartMessageMoveTask (what {@code aws sqs start-message-move-task} calls), and succeed. A
 * job's photo whose runs never finished is counted failed for the job by the sweep, so the job still finishes.
 */
class RetryAndDeadLetterIT {

    private static final String USER = "dlq-user";
    private static final String DLQ = "image-events-dlq";
    private static final Duration DEAD_LETTERED = Duration.ofSeconds(90);

    private static TestService service;
    private static Api api;

    @BeforeAll
    static void startWithShortVisibilityTimeout() {
        // a message comes back three seconds after a failed delivery instead of sixty (its two quick retries end well
        // before), and dead letters are looked at every second instead of every minute
        service = TestService.start(Map.of(
                "imageproc.sqs.visibility-timeout-seconds", "3",
                "imageproc.retry.max-redeliveries", "2",
                "imageproc.retry.delay-ms", "10",
                "imageproc.dead-letters.check-seconds", "1"));
        api = new Api(service.web());
    }

    @AfterAll
    static void stop() {
        service.stop();
    }

    @Test
    void aStepThatSucceedsOnRedeliveryLetsTheRunSucceed() {
        String id = "labels-flaky.jpg";
        service.s3().putObject(r -> r.bucket(TestService.BUCKET).key("Incoming/" + id),
                RequestBody.fromBytes(TestImages.jpeg(64, 48)));

        Map<String, AttributeValue> item = service.awaitFinal(id, Duration.ofSeconds(60));

        assertThat(item.get("status").s()).isEqualTo("SUCCEEDED");
        assertThat(item.get("steps").m().get("detect-labels").m().get("status").s()).isEqualTo("SUCCEEDED");
        assertThat(item.get("tags").l()).extracting(AttributeValue::s).contains("Dog");
        assertThat(labelCalls(id)).isEqualTo(5);
        // deleted once the run is over, so SQS never delivers it again
        await().atMost(Duration.ofSeconds(10)).until(() -> service.queueDepth("image-events") == 0);
    }

    @Test
    void aStepThatKeepsFailingEndsFailedWithItsAttemptsAndComesBackWhenRetriedOrRedriven() {
        String mine = imageId();
        String alsoMine = imageId();
        String theirs = imageId();
        List.of(mine, alsoMine, theirs).forEach(service.rekognition()::fail);
        upload(mine, USER);
        upload(alsoMine, USER);
        upload(theirs, "someone-else");

        await().atMost(DEAD_LETTERED).until(() -> service.queueDepth(DLQ) == 3);
        // the last delivery's run (it owns the item; earlier ones overlapping it were superseded) may still be
        // retrying when SQS moves the message on
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of(mine, alsoMine, theirs).stream()
                .allMatch(id -> service.item(id).containsKey("deadLetter")));
        Map<String, AttributeValue> item = service.item(mine);

        assertThat(item.get("status").s()).isEqualTo("FAILED");
        assertThat(item.get("retryable").bool()).isTrue();
        assertThat(item.get("deadLetter").bool()).isTrue();
        assertThat(item.get("error").s()).isEqualTo("ServiceError");
        assertThat(item.get("deliveries").n()).isEqualTo("5");
        // the first attempt and imageproc.retry.max-redeliveries (2) retries
        assertThat(item.get("attempts").n()).isEqualTo("3");
        assertThat(item.get("cause").s()).startsWith("Gave up after 5 deliveries (3 attempts in the last): ")
                .contains("Label service unavailable");
        assertThat(item.get("failedStep").s()).isEqualTo("detect-labels");
        // the failure is written from the failing branch: the other branch's step is not on it, and none runs on
        assertThat(item.get("steps").m()).hasEntrySatisfying("detect-labels",
                step -> assertThat(step.m().get("status").s()).isEqualTo("FAILED"))
                .hasEntrySatisfying("decode-image",
                        step -> assertThat(step.m().get("status").s()).isEqualTo("SUCCEEDED"))
                .allSatisfy((name, step) -> assertThat(step.m().get("status").s()).as(name).isNotEqualTo("RUNNING"));
        // five deliveries of three attempts, each of them the SDK's three
        assertThat(labelCalls(mine)).isGreaterThanOrEqualTo(45);
        assertThat(service.queueDepth("image-events")).isZero();
        assertThat(deadLetterBodies(3)).anySatisfy(body -> assertThat(body)
                .contains("\"key\":\"Incoming/" + mine + "\""));

        List.of(mine, alsoMine, theirs).forEach(service.rekognition()::heal);
        assertThat(api.post("api/photos/" + theirs + "/retry", USER, "").status()).isEqualTo(403);
        Api.Reply retried = api.post("api/photos/" + mine + "/retry", USER, "");
        assertThat(retried.status()).as(retried.text()).isEqualTo(202);
        assertThat(retried.json().path("requeued").asInt()).isEqualTo(1);
        assertThat(retried.json().path("imageIDs")).extracting(JsonNode::asText).containsExactly(mine);
        awaitSucceeded(mine);
        assertThat(service.queueDepth(DLQ)).isEqualTo(2);
        Api.Reply again = api.post("api/photos/" + mine + "/retry", USER, "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("message").asText()).contains("this one is SUCCEEDED");

        Api.Reply redriven = api.post("api/failures/redrive", USER, "");
        assertThat(redriven.status()).as(redriven.text()).isEqualTo(202);
        assertThat(redriven.json().path("imageIDs")).extracting(JsonNode::asText).containsExactly(alsoMine);
        awaitSucceeded(alsoMine);
        assertThat(deadLetterBodies(1)).singleElement().asString().contains("\"key\":\"Incoming/" + theirs + "\"");

        // what `aws sqs start-message-move-task --source-arn <the dead-letter queue's ARN>` does
        String dlqArn = service.sqs().getQueueAttributes(r -> r.queueUrl(url(DLQ))
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        service.sqs().startMessageMoveTask(r -> r.sourceArn(dlqArn));
        Map<String, AttributeValue> moved = awaitSucceeded(theirs);

        assertThat(moved).doesNotContainKeys("deadLetter", "deliveries", "attempts", "cause", "error", "retryable");
        await().atMost(Duration.ofSeconds(10)).until(() -> service.queueDepth("image-events") == 0);
        assertThat(service.queueDepth(DLQ)).isZero();
    }

    @Test
    void aRunThatNeverFinishesIsMarkedFailedOnceTheQueueGivesUpAndCanBeRetried() {
        // label detection answers only after 60 s: every delivery's run hangs in it while the message goes round
        String id = imageId();
        service.rekognition().delay(id);
        upload(id, USER);

        await().atMost(DEAD_LETTERED).until(() -> "FAILED".equals(status(id)));
        Map<String, AttributeValue> item = service.item(id);

        assertThat(item.get("error").s()).isEqualTo("RunDidNotFinish");
        // past its metadata a run writes its item again only at the end, so the item cannot tell which step hung
        assertThat(item.get("cause").s()).isEqualTo("Gave up after 5 deliveries: the run did not finish (it was in"
                + " decode-image, detect-labels or make-thumbnail); the service may have stopped or crashed while"
                + " processing it");
        assertThat(item.get("retryable").bool()).isTrue();
        assertThat(item.get("deadLetter").bool()).isTrue();
        assertThat(item).doesNotContainKey("failedStep");
        assertThat(item).doesNotContainKey("thumbnail");
        // the sweep takes the hung run's thumbnail away right after it wrote FAILED, as the run's new owner
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(service.s3().listObjectsV2(
                r -> r.bucket(TestService.BUCKET).prefix("Thumbnails/" + id)).contents()).isEmpty());
        assertThat(service.queueDepth(DLQ)).isEqualTo(1);

        // the hung runs answer now, and find the item is no longer theirs
        service.rekognition().heal(id);
        assertThat(api.post("api/photos/" + id + "/retry", USER, "").status()).isEqualTo(202);
        Map<String, AttributeValue> retried = awaitSucceeded(id);

        assertThat(retried.get("tags").l()).extracting(AttributeValue::s).contains("Dog");
        assertThat(service.queueDepth(DLQ)).isZero();
    }

    @Test
    void aReprocessThatNeverFinishesIsCountedFailedForItsJobOnceTheQueueGivesUp() {
        String id = imageId();
        upload(id, USER);
        awaitSucceeded(id);
        // the reprocess's runs hang in label detection until the queue gives up: only the sweep can count them
        service.rekognition().delay(id);
        Api.Reply reply = api.post("api/photos/" + id + "/reprocess", USER, "");
        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        String jobId = reply.json().path("jobId").asText();

        await().atMost(DEAD_LETTERED).until(() -> "FAILED".equals(status(id)));
        JsonNode job = awaitFinished(jobId);

        assertThat(service.item(id).get("error").s()).isEqualTo("RunDidNotFinish");
        assertThat(job.path("total").asLong()).isEqualTo(1);
        assertThat(job.path("failed").asLong()).isEqualTo(1);
        assertThat(job.path("done").asLong()).isZero();

        // retried, it succeeds; the job counted the photo once, as it ended for the job
        service.rekognition().heal(id);
        assertThat(api.post("api/photos/" + id + "/retry", USER, "").status()).isEqualTo(202);
        awaitSucceeded(id);
        JsonNode after = api.get("api/jobs/" + jobId, USER).json();
        assertThat(after.path("failed").asLong()).isEqualTo(1);
        assertThat(after.path("done").asLong()).isZero();
        assertThat(service.queueDepth(DLQ)).isZero();
    }

    private static JsonNode awaitFinished(String jobId) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> api.get("api/jobs/" + jobId, USER).json(),
                job -> "FINISHED".equals(job.path("state").asText()));
    }

    /** An image id as the web app makes them, so that the API takes it. */
    private static String imageId() {
        return UUID.randomUUID() + ".jpg";
    }

    private static void upload(String id, String user) {
        service.s3().putObject(r -> r.bucket(TestService.BUCKET).key("Incoming/" + id)
                .metadata(Map.of("userid", user, "albumid", user + "/dead-letters")),
                RequestBody.fromBytes(TestImages.jpeg(64, 48)));
    }

    private static String status(String id) {
        AttributeValue status = service.item(id).get("status");
        return status == null ? null : status.s();
    }

    private static Map<String, AttributeValue> awaitSucceeded(String id) {
        return service.awaitSucceeded(id, Duration.ofSeconds(60));
    }

    private static long labelCalls(String id) {
        return service.rekognition().requests().stream()
                .filter(r -> r.path("Image").path("S3Object").path("Name").asText().equals("Incoming/" + id)).count();
    }

    /**
     * The bodies of the dead letters once there are {@code count} of them, looked at and at once made visible again
     * (the service's own sweep holds them, too, for a moment each second).
     */
    private static List<String> deadLetterBodies(int count) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<Message> messages = service.sqs().receiveMessage(r -> r.queueUrl(url(DLQ)).maxNumberOfMessages(10)
                    .visibilityTimeout(5)).messages();
            messages.forEach(message -> service.sqs().changeMessageVisibility(r -> r.queueUrl(url(DLQ))
                    .receiptHandle(message.receiptHandle()).visibilityTimeout(0)));
            return messages.stream().map(Message::body).toList();
        }, bodies -> bodies.size() == count);
    }

    private static String url(String queue) {
        return service.sqs().getQueueUrl(r -> r.queueName(queue)).queueUrl();
    }
}
