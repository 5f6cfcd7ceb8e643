package org.imageproc.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.imageproc.labels.DetectedLabels;
import org.imageproc.labels.Label;
import org.imageproc.metadata.MetadataReader;
import org.imageproc.run.Execution;
import org.imageproc.run.RunSupersededException;
import org.imageproc.run.StepRecord;
import org.imageproc.run.Variables;
import org.imageproc.storage.CurrentObject;
import org.imageproc.testing.FakeS3;
import org.imageproc.testing.RouteTests;
import org.imageproc.testing.TestBeans;
import org.imageproc.testing.TestImages;
import org.imageproc.thumbnail.StoredThumbnail;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** The finish-execution route on fakes: the aggregate is one aws2-ddb UpdateItem, conditional on the run. */
@CamelMainTest(propertyPlaceholderLocations = {RouteTests.PROPERTIES, RouteTests.APPLICATION})
class FinishExecutionRouteTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Execution RUN = new Execution("u1/a1/cat.jpg", "run-1", "photo-repo",
            "Incoming/u1/a1/cat.jpg", "etag-1", "0001", NOW.minusSeconds(2));

    private final FakeS3 s3 = new FakeS3();
    private final FakeDynamoDb dynamoDb = new FakeDynamoDb();
    private final byte[] jpeg = TestImages.jpeg(64, 48);

    @Produce("direct:finish-execution")
    ProducerTemplate finish;

    @Configure
    void theRouteOnFakes(MainConfigurationProperties main) {
        ImageCatalog catalog = new ImageCatalog(dynamoDb, "ImageMetadata", "Incoming/",
                new CurrentObject(s3, "photo-repo"), Clock.fixed(NOW, ZoneOffset.UTC));
        main.addRoutesBuilder(FinishExecutionRoute.class);
        main.addConfiguration(new TestBeans(context -> {
            context.getRegistry().bind("dynamoDbClient", dynamoDb);
            context.getRegistry().bind("finishExecution", new FinishExecution(catalog, (run, user, time, labels) -> { },
                    run -> { }));
            context.getRegistry().bind("settleLabels", new SettleLabels(run -> { }));
            context.getRegistry().bind("finishRefusals", new FinishRefusals());
        }));
    }

    @Test
    void theAggregateIsOneConditionalUpdateWithEveryStepAndTheRunSucceeded() {
        s3.put(RUN.key(), jpeg, "etag-1", Map.of());

        Exchange done = finish.send(this::aFinishedRun);

        assertThat(done.getException()).isNull();
        UpdateItemRequest update = dynamoDb.updates().get(0);
        assertThat(dynamoDb.updates()).hasSize(1);
        assertThat(update.tableName()).isEqualTo("ImageMetadata");
        assertThat(update.key()).containsExactly(Map.entry("imageID", AttributeValue.fromS("u1/a1/cat.jpg")));
        assertThat(update.expected().get("executionId").value().s()).isEqualTo("run-1");
        Map<String, AttributeValueUpdate> values = update.attributeUpdates();
        assertThat(values.get("status").value().s()).isEqualTo("SUCCEEDED");
        assertThat(values.get("finishedAt").value().s()).isEqualTo(NOW.toString());
        assertThat(values.get("tags").value().l()).extracting(AttributeValue::s).containsExactly("Cat");
        assertThat(values.get("thumbnail").value().m().get("width").n()).isEqualTo("250");
        assertThat(values.get("thumbnailMaxSize").value().n()).isEqualTo("250");
        Map<String, AttributeValue> steps = values.get("steps").value().m();
        assertThat(steps).containsOnlyKeys("read-image", "detect-labels", "finish-execution");
        assertThat(steps.get("detect-labels").m().get("durationMs").n()).isEqualTo("480");
        assertThat(steps.get("finish-execution").m().get("status").s()).isEqualTo("SUCCEEDED");
        // timed up to this write, which is the run's last: no record of the step follows
        assertThat(steps.get("finish-execution").m().get("durationMs").n()).isEqualTo("20");
        assertThat(values.get("error").action()).isEqualTo(AttributeAction.DELETE);
        assertThat(values.get("retryable").action()).isEqualTo(AttributeAction.DELETE);
        ImageSucceeded succeeded = done.getMessage().getBody(ImageSucceeded.class);
        assertThat(succeeded.executionId()).isEqualTo("run-1");
        assertThat(succeeded.thumbnailKey()).isEqualTo("Thumbnails/u1/a1/cat.jpg");
    }

    @Test
    void aRunThatLostTheItemIsSuperseded() {
        s3.put(RUN.key(), jpeg, "etag-1", Map.of());
        dynamoDb.refuseNext();

        Exchange done = finish.send(this::aFinishedRun);

        assertThat(done.getException()).isInstanceOf(RunSupersededException.class)
                .hasMessage("Another run of Incoming/u1/a1/cat.jpg owns the item now");
    }

    @Test
    void anObjectReplacedDuringTheRunIsNotWritten() {
        s3.put(RUN.key(), jpeg, "etag-2", Map.of());

        Exchange done = finish.send(this::aFinishedRun);

        assertThat(done.getException()).isInstanceOf(RunSupersededException.class);
        assertThat(dynamoDb.updates()).isEmpty();
    }

    private void aFinishedRun(Exchange exchange) {
        Map<String, StepRecord> steps = new LinkedHashMap<>();
        steps.put("read-image", new StepRecord("read-image", "SUCCEEDED", NOW.minusSeconds(3), 5, null));
        steps.put("detect-labels", new StepRecord("detect-labels", "SUCCEEDED", NOW.minusSeconds(1), 480, null));
        steps.put("finish-execution", new StepRecord("finish-execution", "RUNNING", NOW.minusMillis(20), 0, null));
        exchange.setVariable(Variables.EXECUTION, RUN);
        exchange.setVariable(Variables.THUMBNAIL_MAX_SIZE, 250);
        exchange.setVariable(Variables.METADATA, new MetadataReader().read(jpeg));
        exchange.setVariable(Variables.LABELS, new DetectedLabels(
                List.of(new Label("Cat", 97.5, List.of(), List.of())), "3.0", false));
        exchange.setVariable(Variables.THUMBNAIL,
                new StoredThumbnail("photo-repo", "Thumbnails/u1/a1/cat.jpg", 250, 188, List.of()));
        exchange.setVariable(Variables.STEPS, steps);
    }
}
