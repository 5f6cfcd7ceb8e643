package org.imageproc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.imageproc.TestService;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A step that keeps failing for a reason retrying could fix: the run is recorded FAILED (retryable), the message is
 * not deleted, SQS delivers it again, and after five receives it lands in the dead-letter queue.
 */
class RetryAndDeadLetterTest {

    private static TestService service;

    @BeforeAll
    static void startWithShortVisibilityTimeout() {
        // a message comes back one second after a failed delivery instead of thirty
        service = TestService.start(Map.of(
                "imageproc.sqs.visibility-timeout-seconds", "1",
                "imageproc.retry.delay-ms", "10"));
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
        long labelCalls = service.rekognition().requests().stream()
                .filter(r -> r.path("Image").path("S3Object").path("Name").asText().equals("Incoming/" + id)).count();
        assertThat(labelCalls).isEqualTo(5);
        // deleted once the run is over, so SQS never delivers it again
        await().atMost(Duration.ofSeconds(10)).until(() -> service.queueDepth("image-events") == 0);
    }

    @Test
    void aStepThatKeepsFailingIsRetriedThenRecordedAndTheMessageEndsInTheDeadLetterQueue() {
        String id = "labels-down.jpg";
        service.s3().putObject(r -> r.bucket(TestService.BUCKET).key("Incoming/" + id),
                RequestBody.fromBytes(TestImages.jpeg(64, 48)));

        await().atMost(Duration.ofSeconds(90)).until(() -> service.queueDepth("image-events-dlq") == 1);
        // the last delivery's run (it owns the item; earlier ones overlapping it were superseded) may still be
        // retrying when SQS moves the message on
        Map<String, AttributeValue> item = service.awaitFinal(id, Duration.ofSeconds(30));

        assertThat(item.get("status").s()).isEqualTo("FAILED");
        assertThat(item.get("retryable").bool()).isTrue();
        assertThat(item.get("error").s()).isEqualTo("ServiceError");
        assertThat(item.get("cause").s()).contains("Label service unavailable");
        assertThat(item.get("failedStep").s()).isEqualTo("detect-labels");
        assertThat(item.get("steps").m().get("make-thumbnail").m().get("status").s()).isEqualTo("SUCCEEDED");
        // five deliveries, each with the first attempt and two redeliveries
        long labelCalls = service.rekognition().requests().stream()
                .filter(r -> r.path("Image").path("S3Object").path("Name").asText().equals("Incoming/" + id)).count();
        assertThat(labelCalls).isGreaterThanOrEqualTo(15);
        assertThat(service.queueDepth("image-events")).isZero();

        String dlq = service.sqs().getQueueUrl(r -> r.queueName("image-events-dlq")).queueUrl();
        Message dead = service.sqs().receiveMessage(r -> r.queueUrl(dlq).maxNumberOfMessages(1)).messages().get(0);
        assertThat(dead.body()).contains("\"key\":\"Incoming/labels-down.jpg\"");
    }
}
