package org.imageproc.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.imageproc.metadata.ImageMetadata;
import org.imageproc.metadata.MetadataReader;
import org.imageproc.run.Execution;
import org.imageproc.run.Failure;
import org.imageproc.run.ImageEvent;
import org.imageproc.run.StepRecord;
import org.imageproc.storage.StoredImage;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The run's writes of its item carry its steps (on {@link FakeDynamoDb}): the claim the steps so far, the stored
 * metadata the step that stores ended and the steps ahead running, a failure the failed step ended; one write each.
 */
class StepWritesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Execution RUN = new Execution("u1/a1/cat.jpg", "run-1", "photo-repo",
            "Incoming/u1/a1/cat.jpg", "etag-1", "0001", NOW.minusSeconds(2));

    private final FakeDynamoDb dynamoDb = new FakeDynamoDb();
    private final ImageCatalog catalog = new ImageCatalog(dynamoDb, "ImageMetadata", "Incoming/", null,
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final byte[] jpeg = TestImages.jpeg(64, 48);
    private final StoredImage image = new StoredImage("photo-repo", RUN.key(), jpeg, Map.of(), NOW.minusSeconds(3),
            "etag-1");
    private final ImageMetadata metadata = new MetadataReader().read(jpeg);

    @Test
    void theClaimCarriesTheStepsSoFar() {
        catalog.start(new ImageEvent("photo-repo", RUN.key(), jpeg.length, "etag-1", "0001", "ObjectCreated:Put",
                NOW, null), image, steps(done("read-image", 1500, 42)));

        assertThat(dynamoDb.puts()).singleElement().satisfies(put -> {
            Map<String, AttributeValue> steps = put.item().get("steps").m();
            assertThat(steps).containsOnlyKeys("read-image");
            assertThat(steps.get("read-image").m().get("status").s()).isEqualTo("SUCCEEDED");
            assertThat(steps.get("read-image").m().get("durationMs").n()).isEqualTo("42");
            assertThat(put.item().get("status").s()).isEqualTo("RUNNING");
        });
        assertThat(dynamoDb.updates()).isEmpty();
    }

    @Test
    void theStoredMetadataEndsItsStepAndShowsTheStepsAheadRunning() {
        catalog.storeMetadata(RUN, image, metadata, steps(done("read-image", 1500, 42),
                done("extract-metadata", 1400, 7), running("store-metadata", 30)), "store-metadata",
                List.of("detect-labels", "make-thumbnail"));

        UpdateItemRequest update = dynamoDb.updates().get(0);
        assertThat(dynamoDb.updates()).hasSize(1);
        assertThat(update.conditionExpression()).matches("#n\\d+ = :v\\d+");
        assertThat(update.expressionAttributeValues()).containsValue(AttributeValue.fromS("run-1"));
        assertThat(set(update, "imageFormat").s()).isEqualTo("JPEG");
        Map<String, AttributeValue> steps = set(update, "steps").m();
        assertThat(steps).containsOnlyKeys("read-image", "extract-metadata", "store-metadata", "detect-labels",
                "make-thumbnail");
        assertThat(steps.get("extract-metadata").m().get("durationMs").n()).isEqualTo("7");
        Map<String, AttributeValue> stored = steps.get("store-metadata").m();
        assertThat(stored.get("status").s()).isEqualTo("SUCCEEDED");
        assertThat(stored.get("startedAt").s()).isEqualTo(NOW.minusMillis(30).toString());
        assertThat(stored.get("durationMs").n()).isEqualTo("30");
        for (String ahead : List.of("detect-labels", "make-thumbnail")) {
            Map<String, AttributeValue> step = steps.get(ahead).m();
            assertThat(step.get("status").s()).as(ahead).isEqualTo("RUNNING");
            assertThat(step.get("startedAt").s()).as(ahead).isEqualTo(NOW.toString());
            // as the web app shows a running step: without a duration
            assertThat(step).as(ahead).doesNotContainKey("durationMs");
        }
    }

    @Test
    void aFailureIsOneWriteThatEndsTheFailedStepWithItsCause() {
        catalog.fail(RUN, image, metadata, "make-thumbnail", new Failure("CorruptImage", "The JPEG is cut short",
                false, null), steps(done("read-image", 1500, 42), done("store-metadata", 1000, 12),
                running("make-thumbnail", 250)));

        UpdateItemRequest update = dynamoDb.updates().get(0);
        assertThat(dynamoDb.updates()).hasSize(1);
        assertThat(set(update, "status").s()).isEqualTo("FAILED");
        assertThat(set(update, "failedStep").s()).isEqualTo("make-thumbnail");
        Map<String, AttributeValue> steps = set(update, "steps").m();
        assertThat(steps).containsOnlyKeys("read-image", "store-metadata", "make-thumbnail");
        Map<String, AttributeValue> failed = steps.get("make-thumbnail").m();
        assertThat(failed.get("status").s()).isEqualTo("FAILED");
        assertThat(failed.get("durationMs").n()).isEqualTo("250");
        assertThat(failed.get("error").s()).isEqualTo("The JPEG is cut short");
        assertThat(steps.get("store-metadata").m().get("status").s()).isEqualTo("SUCCEEDED");
    }

    private static StepRecord done(String step, long startedMillisAgo, long durationMs) {
        return new StepRecord(step, "SUCCEEDED", NOW.minusMillis(startedMillisAgo), durationMs, null);
    }

    private static StepRecord running(String step, long startedMillisAgo) {
        return new StepRecord(step, "RUNNING", NOW.minusMillis(startedMillisAgo), 0, null);
    }

    private static Map<String, StepRecord> steps(StepRecord... records) {
        Map<String, StepRecord> steps = new LinkedHashMap<>();
        for (StepRecord record : records) {
            steps.put(record.step(), record);
        }
        return steps;
    }

    /** The value an UpdateItem's SET clause gives {@code attribute}. */
    private static AttributeValue set(UpdateItemRequest update, String attribute) {
        String name = update.expressionAttributeNames().entrySet().stream()
                .filter(entry -> entry.getValue().equals(attribute)).map(Map.Entry::getKey).findFirst().orElseThrow();
        Matcher value = Pattern.compile(Pattern.quote(name) + " = (:v\\d+)").matcher(update.updateExpression());
        assertThat(value.find()).as("SET " + attribute).isTrue();
        return update.expressionAttributeValues().get(value.group(1));
    }
}
