package org.imageproc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.imageproc.testing.ServiceJar;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The packaged jar, killed with SIGKILL or stopped with SIGTERM in the middle of a burst of uploads, then started again
 * on the same data: every upload S3 acknowledged ends SUCCEEDED, none stays RUNNING, the dead-letter queue is empty
 * and no process is left behind. A SIGTERM stops in order: no ERROR in the log, the images in flight finish, no
 * message delete is cut short (so nothing is delivered twice after the restart), and uploads are refused with
 * 503 SlowDown meanwhile.
 */
class CrashAndStopIT {

    private static final int UPLOADS = 30;
    private static final int ACKNOWLEDGED_BEFORE_SIGNAL = 10;
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    // labels off: these faults are about the queue and the stores, and the detector would only slow the burst;
    // a killed run's messages come back after the visibility timeout, shortened from 60 s to keep the test short
    private static final Map<String, String> PROPERTIES = Map.of(
            "imageproc.labels.enabled", "false",
            "imageproc.sqs.visibility-timeout-seconds", "20");
    private static final byte[] PHOTO = TestImages.jpeg(1600, 1200);

    @Test
    void killMinus9MidBurstThenRestartProcessesEveryAcknowledgedUpload() throws Exception {
        ServiceJar.Layout layout = ServiceJar.Layout.fresh();
        List<String> acknowledged;
        try (ServiceJar first = ServiceJar.start(layout, PROPERTIES, Map.of());
                BurstUpload burst = BurstUpload.start(layout.s3Port(), PHOTO, "crash-", UPLOADS)) {
            assertThat(first.isAlive()).as(first.tail()).isTrue();
            List<ProcessHandle> children = first.handle().descendants().toList();
            await().atMost(PATIENCE).until(() -> burst.acknowledged().size() >= ACKNOWLEDGED_BEFORE_SIGNAL);

            first.handle().destroyForcibly();

            await().atMost(PATIENCE).until(burst::isDone);
            await().atMost(Duration.ofSeconds(10)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
            acknowledged = burst.acknowledged();
        }

        try (ServiceJar second = ServiceJar.start(layout, PROPERTIES, Map.of())) {
            assertThat(second.isAlive()).as(second.tail()).isTrue();
            awaitEverySucceeded(second, acknowledged);
            stopAndAssertNothingLeft(second);
        }
    }

    @Test
    void sigtermMidBurstStopsInOrderAndTheRestartProcessesEveryAcknowledgedUploadOnce() throws Exception {
        ServiceJar.Layout layout = ServiceJar.Layout.fresh();
        List<String> acknowledged;
        List<String> stoppedRun;
        try (ServiceJar first = ServiceJar.start(layout, PROPERTIES, Map.of());
                BurstUpload burst = BurstUpload.start(layout.s3Port(), PHOTO, "stop-", UPLOADS)) {
            assertThat(first.isAlive()).as(first.tail()).isTrue();
            await().atMost(PATIENCE).until(() -> burst.acknowledged().size() >= ACKNOWLEDGED_BEFORE_SIGNAL);

            stopAndAssertNothingLeft(first);

            await().atMost(PATIENCE).until(burst::isDone);
            acknowledged = burst.acknowledged();
            stoppedRun = first.output();
            assertThat(burst.slowedDown()).as("uploads refused with 503 SlowDown while stopping").isNotEmpty();
        }
        assertThat(stoppedRun).as("images in flight at the signal finish")
                .anyMatch(line -> line.endsWith(" SUCCEEDED") && after(stoppedRun, line, "triggered by SIGTERM"));
        assertThat(stoppedRun).noneMatch(line -> line.contains("Error occurred during deleting message"));

        try (ServiceJar second = ServiceJar.start(layout, PROPERTIES, Map.of())) {
            assertThat(second.isAlive()).as(second.tail()).isTrue();
            awaitEverySucceeded(second, acknowledged);
            assertThat(metric(second, "imageproc_images_duplicates_total")).as("duplicate deliveries").isZero();
            stopAndAssertNothingLeft(second);
        }
    }

    /** Every acknowledged upload SUCCEEDED, nothing RUNNING or queued, the dead-letter queue empty. */
    private static void awaitEverySucceeded(ServiceJar jar, List<String> acknowledged) {
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_SIGNAL);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(acknowledged).allSatisfy(imageId -> assertThat(status(jar, imageId)).as(imageId)
                    .isEqualTo("SUCCEEDED"));
            assertThat(jar.dynamoDb().scan(r -> r.tableName("ImageMetadata").consistentRead(true)).items())
                    .noneMatch(item -> "RUNNING".equals(item.get("status").s()));
            assertThat(depth(jar, "image-events")).isZero();
        });
        assertThat(depth(jar, "image-events-dlq")).isZero();
    }

    /** SIGTERM: the process exits by itself, its children with it, and it logged no ERROR. */
    private static void stopAndAssertNothingLeft(ServiceJar jar) {
        List<ProcessHandle> children = jar.handle().descendants().toList();
        assertThat(children).as("the dynalite node process").isNotEmpty();
        jar.handle().destroy();
        await().atMost(Duration.ofSeconds(60)).until(() -> !jar.isAlive());
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(jar.output()).as(jar.tail()).noneMatch(line -> line.contains(" ERROR "))
                .anyMatch(line -> line.contains("Local AWS stack stopped"));
    }

    private static String status(ServiceJar jar, String imageId) {
        AttributeValue status = jar.item(imageId).get("status");
        return status == null ? null : status.s();
    }

    private static long depth(ServiceJar jar, String queue) {
        String url = jar.sqs().getQueueUrl(r -> r.queueName(queue)).queueUrl();
        return jar.sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes()
                .values().stream().mapToLong(Long::parseLong).sum();
    }

    private static double metric(ServiceJar jar, String name) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                jar.management().resolve("observe/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith(name + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(name.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(name + " is not among the metrics"));
    }

    private static boolean after(List<String> lines, String line, String marker) {
        int signal = lines.stream().filter(l -> l.contains(marker)).findFirst().map(lines::indexOf).orElse(-1);
        return signal >= 0 && lines.indexOf(line) > signal;
    }
}
