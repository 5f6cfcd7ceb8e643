package org.imageproc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.imageproc.catalog.StartExecutionRoute;
import org.imageproc.catalog.StoreMetadataRoute;
import org.imageproc.decode.DecodeImageRoute;
import org.imageproc.imaging.ImageFormat;
import org.imageproc.imaging.PixelBudget;
import org.imageproc.imaging.Size;
import org.imageproc.imaging.WorkingImage;
import org.imageproc.labels.DetectLabelsRoute;
import org.imageproc.metadata.CheckImageRoute;
import org.imageproc.metadata.ExtractMetadataRoute;
import org.imageproc.metadata.ImageMetadata;
import org.imageproc.run.FailureCode;
import org.imageproc.run.ImageEvent;
import org.imageproc.run.ImageRejectedException;
import org.imageproc.run.RunSupersededException;
import org.imageproc.run.StepRecord;
import org.imageproc.run.Variables;
import org.imageproc.storage.ReadImageRoute;
import org.imageproc.storage.StoredImage;
import org.imageproc.testing.RouteTests;
import org.imageproc.testing.TestBeans;
import org.imageproc.testing.TestImages;
import org.imageproc.thumbnail.MakeThumbnailRoute;
import org.junit.jupiter.api.Test;

/**
 * The YAML flow process-image with its step routes and error handling, on {@link FlowFakes}: the order of the steps,
 * what each is given, and where a run that fails or lost its item ends.
 */
@CamelMainTest(propertyPlaceholderLocations = {RouteTests.PROPERTIES, RouteTests.APPLICATION},
        properties = "camel.main.routes-collector-enabled=true")
class ProcessImageFlowTest {

    private static final ImageEvent EVENT = new ImageEvent("photo-repo", "Incoming/cat.jpg", 1234, "etag-1", "0001",
            "ObjectCreated:Put", Instant.parse("2026-12-01T10:00:00Z"), null);

    private final FlowFakes fakes = new FlowFakes();
    private final byte[] jpeg = TestImages.jpeg(64, 48);

    @Produce("direct:process-image")
    ProducerTemplate processImage;

    @Configure
    void theFlowOnFakes(MainConfigurationProperties main) {
        main.addRoutesBuilder(ReadImageRoute.class, StartExecutionRoute.class, ExtractMetadataRoute.class,
                CheckImageRoute.class, StoreMetadataRoute.class, DecodeImageRoute.class, DetectLabelsRoute.class,
                MakeThumbnailRoute.class,
                RecordFailureRoute.class, PipelineErrorHandling.class);
        main.withAdditionalLambdaRouteBuilder(fakes::finishExecutionRoute);
        main.withAdditionalLambdaRouteBuilder(fakes::countForJobRoute);
        main.addConfiguration(new TestBeans(fakes::bind));
    }

    /** The steps a fake was given, step name to status, in their order. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> statuses(FlowFakes.Call call) {
        Map<String, String> statuses = new LinkedHashMap<>();
        ((Map<String, StepRecord>) call.get("steps")).forEach((name, step) -> statuses.put(name, step.status()));
        return statuses;
    }

    private Exchange process(byte[] bytes) {
        fakes.s3.put(EVENT.key(), bytes, "etag-1", Map.of());
        return processImage.send(exchange -> exchange.getMessage().setBody(EVENT));
    }

    @Test
    void theStepsRunInOrderEachGivenWhatTheStepsBeforeItMade() {
        Exchange done = process(jpeg);

        assertThat(done.isFailed()).isFalse();
        assertThat(fakes.routes()).startsWith("process-image", "read-image", "start-execution", "extract-metadata",
                "check-image", "store-metadata", "decode-image")
                .endsWith("finish-execution", "count-for-job", "announce-success")
                .hasSize(12);
        assertThat(fakes.routes().subList(7, 9)).containsExactlyInAnyOrder("detect-labels", "make-thumbnail");

        FlowFakes.Call start = fakes.start.recorder.calls().get(0);
        assertThat(start.get("event")).isEqualTo(EVENT);
        StoredImage image = (StoredImage) start.get("image");
        assertThat(image.bytes()).isEqualTo(jpeg);
        assertThat(image.eTag()).isEqualTo("etag-1");

        assertThat(fakes.store.recorder.calls()).singleElement().satisfies(store -> {
            assertThat(store.get("execution")).isEqualTo(FlowFakes.EXECUTION);
            assertThat(store.get("image")).isSameAs(image);
            ImageMetadata metadata = (ImageMetadata) store.get("metadata");
            assertThat(metadata.format()).isEqualTo(ImageFormat.JPEG);
            assertThat(metadata.width()).isEqualTo(64);
            assertThat(metadata.height()).isEqualTo(48);
        });
        ImageMetadata metadata = (ImageMetadata) fakes.store.recorder.calls().get(0).get("metadata");
        // the flow's settings, from application.properties through process-image.yaml
        WorkingImage working = (WorkingImage) fakes.labels.recorder.calls().get(0).get("working");
        assertThat(fakes.labels.recorder.calls()).singleElement().satisfies(labels -> assertThat(labels.arguments())
                .containsOnly(Map.entry("execution", FlowFakes.EXECUTION), Map.entry("working", working),
                        Map.entry("maxLabels", 10), Map.entry("minConfidence", 60f)));
        assertThat(fakes.thumbnails.recorder.calls()).singleElement().satisfies(thumbnail -> assertThat(
                thumbnail.arguments()).containsOnly(Map.entry("execution", FlowFakes.EXECUTION),
                        Map.entry("working", working), Map.entry("metadata", metadata), Map.entry("maxSize", 250)));
        // decoded once for both: never enlarged, so the 64 x 48 image keeps its size
        assertThat(working.displayed()).isEqualTo(new Size(64, 48));
        assertThat(working.pixels().getWidth()).isEqualTo(64);
        assertThat(working.pixels().getHeight()).isEqualTo(48);
        assertThat(done.getMessage().getBody()).isEqualTo(FlowFakes.SUCCEEDED);
        assertThat(fakes.failures.recorder.calls()).isEmpty();
    }

    @Test
    void eachWriteOfTheItemIsGivenTheStepsSoFarAndStoreMetadataTheStepsAheadOfIt() {
        process(jpeg);

        assertThat(statuses(fakes.start.recorder.calls().get(0))).containsExactly(entry("read-image", "SUCCEEDED"));
        FlowFakes.Call store = fakes.store.recorder.calls().get(0);
        assertThat(statuses(store)).containsExactly(entry("read-image", "SUCCEEDED"),
                entry("extract-metadata", "SUCCEEDED"), entry("check-image", "SUCCEEDED"),
                entry("store-metadata", "RUNNING"));
        // read from the flow's routes: the steps after store-metadata, short of the last, whose write ends the run
        assertThat(store.get("ahead")).isEqualTo(List.of("decode-image", "detect-labels", "make-thumbnail"));
        // both branches of the multicast, merged; the finishing step ends with the final write itself
        assertThat(statuses(fakes.finish.recorder.calls().get(0))).containsOnly(entry("read-image", "SUCCEEDED"),
                entry("extract-metadata", "SUCCEEDED"), entry("check-image", "SUCCEEDED"),
                entry("store-metadata", "SUCCEEDED"), entry("decode-image", "SUCCEEDED"), entry("detect-labels", "SUCCEEDED"),
                entry("make-thumbnail", "SUCCEEDED"), entry("finish-execution", "RUNNING"));
    }

    @Test
    void anUploadAlreadyProcessedStopsTheFlowAfterStartExecution() {
        fakes.start.answer = null;

        Exchange done = process(jpeg);

        assertThat(done.isFailed()).isFalse();
        assertThat(fakes.routes()).containsExactly("process-image", "read-image", "start-execution",
                "count-for-job");
        assertThat(fakes.store.recorder.calls()).isEmpty();
        assertThat(fakes.finish.recorder.calls()).isEmpty();
    }

    @Test
    void labelsAndThumbnailBothReachFinishExecutionThroughTheMulticast() {
        process(jpeg);

        assertThat(fakes.finish.recorder.calls()).singleElement().satisfies(finish -> {
            assertThat(finish.get("labels")).isEqualTo(FlowFakes.LABELS);
            assertThat(finish.get("thumbnail")).isEqualTo(FlowFakes.THUMBNAIL);
            assertThat(finish.get("execution")).isEqualTo(FlowFakes.EXECUTION);
            assertThat(((ImageMetadata) finish.get("metadata")).format()).isEqualTo(ImageFormat.JPEG);
        });
    }

    @Test
    void aRejectedImageIsRecordedFailedInItsStepOnceAndItsMessageDeleted() {
        Exchange done = process(TestImages.gif(TestImages.gradient(32, 32)));

        assertThat(fakes.failures.recorder.calls()).singleElement().satisfies(failure -> {
            assertThat(failure.get("step")).isEqualTo("check-image");
            assertThat(failure.get("failure")).isInstanceOfSatisfying(ImageRejectedException.class,
                    rejected -> assertThat(rejected.error()).isEqualTo(FailureCode.NOT_SUPPORTED_IMAGE_TYPE));
            assertThat(failure.get("execution")).isEqualTo(FlowFakes.EXECUTION);
            // retried in place, the header would count the redeliveries
            assertThat(failure.get("redeliveries")).isNull();
            // the failure's one write ends the failed step
            assertThat(statuses(failure)).containsExactly(entry("read-image", "SUCCEEDED"),
                    entry("extract-metadata", "SUCCEEDED"), entry("check-image", "RUNNING"));
        });
        assertThat(fakes.routes()).containsExactly("process-image", "read-image", "start-execution",
                "extract-metadata", "check-image", "record-failure", "count-for-job");
        assertThat(done.getVariable(Variables.FAILURE)).isInstanceOf(ImageRejectedException.class);
        // handled: the consumer deletes the message, so the queue does not deliver it again
        assertThat(done.isFailed()).isFalse();
    }

    @Test
    void aRunThatLostItsItemStopsWithoutRecordingAFailure() {
        fakes.store.recorder.failWith(() -> new RunSupersededException("Another run owns the item now"), 1);

        Exchange done = process(jpeg);

        assertThat(fakes.failures.recorder.calls()).isEmpty();
        assertThat(fakes.routes()).containsExactly("process-image", "read-image", "start-execution",
                "extract-metadata", "check-image", "store-metadata", "record-superseded", "count-for-job");
        assertThat(fakes.store.recorder.calls()).hasSize(1);
        assertThat(done.getVariable(Variables.SUPERSEDED)).isEqualTo("Another run owns the item now");
        assertThat(done.isFailed()).isFalse();
    }

    @Test
    void aRunThatLostItsItemToALaterDeliveryOfItsEventLeavesTheMessageToIt() {
        fakes.catalog.ownedByAnotherDelivery = true;
        fakes.store.recorder.failWith(() -> new RunSupersededException("Another run owns the item now"), 1);

        Exchange done = process(jpeg);

        assertThat(fakes.failures.recorder.calls()).isEmpty();
        assertThat(fakes.routes()).endsWith("store-metadata").doesNotContain("record-superseded");
        assertThat(fakes.store.recorder.calls()).hasSize(1);
        // not handled: the consumer leaves the message, which the later delivery deletes when it settles
        assertThat(done.isFailed()).isTrue();
    }

    @Test
    void anEventWhoseObjectWasReplacedSinceIsSkippedWithoutRecordingAFailure() {
        fakes.s3.put(EVENT.key(), jpeg, "etag-2", Map.of());

        Exchange done = processImage.send(exchange -> exchange.getMessage().setBody(EVENT));

        assertThat(fakes.routes()).containsExactly("process-image", "read-image", "count-for-job");
        assertThat(fakes.start.recorder.calls()).isEmpty();
        assertThat(fakes.failures.recorder.calls()).isEmpty();
        assertThat(done.getVariable(Variables.SUPERSEDED)).isEqualTo("The object was replaced after this event was sent");
        assertThat(done.isFailed()).isFalse();
    }

    @Test
    void aFailureThatPassesIsRetriedInPlaceAndTheRunGoesOn() {
        fakes.store.recorder.failWith(() -> new IllegalStateException("DynamoDB is busy"), 2);

        Exchange done = process(jpeg);

        assertThat(fakes.store.recorder.calls()).hasSize(3);
        assertThat(fakes.failures.recorder.calls()).isEmpty();
        assertThat(fakes.finish.recorder.calls()).hasSize(1);
        assertThat(done.isFailed()).isFalse();
    }

    @Test
    void aFailureThatLastsIsRecordedAfterItsRetriesAndTheMessageLeftOnTheQueue() {
        fakes.store.recorder.failWith(() -> new IllegalStateException("DynamoDB is away"), Integer.MAX_VALUE);

        Exchange done = process(jpeg);

        // imageproc.retry.max-redeliveries: 6 retries after the first attempt
        assertThat(fakes.store.recorder.calls()).hasSize(7);
        assertThat(fakes.failures.recorder.calls()).singleElement().satisfies(failure -> {
            assertThat(failure.get("step")).isEqualTo("store-metadata");
            assertThat(failure.get("failure")).isInstanceOf(IllegalStateException.class);
            assertThat(failure.get("redeliveries")).isEqualTo(6);
        });
        assertThat(fakes.finish.recorder.calls()).isEmpty();
        assertThat(done.isFailed()).isTrue();
    }

    @Test
    void theLargeStepsDecodeOnceWithinThePixelBudgetAndDropTheOriginalsBytes() throws Exception {
        fakes.s3.put(EVENT.key(), jpeg, "etag-1", Map.of());
        CompletableFuture<Exchange> run;
        // one pixel held: this image (64 x 48) claims more than the whole budget, so it waits for all of it
        try (PixelBudget.Claim held = fakes.budget.claim(1)) {
            run = processImage.asyncSend(processImage.getDefaultEndpoint(),
                    exchange -> exchange.getMessage().setBody(EVENT));
            await().atMost(Duration.ofSeconds(10)).until(() -> fakes.routes().contains("decode-image"));
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                    .until(() -> !run.isDone() && fakes.labels.recorder.calls().isEmpty());
        }
        Exchange done = run.get(10, TimeUnit.SECONDS);

        assertThat(done.isFailed()).isFalse();
        assertThat(fakes.labels.recorder.calls()).hasSize(1);
        assertThat(fakes.thumbnails.recorder.calls()).hasSize(1);
        assertThat(fakes.budget.available()).isEqualTo(fakes.budget.pixels());
        StoredImage kept = done.getVariable(Variables.IMAGE, StoredImage.class);
        assertThat(kept.bytes()).isEmpty();
        assertThat(kept.eTag()).isEqualTo("etag-1");
    }

    /** Issue #11's "Attempted read on closed stream": a retry must ask S3 again, not read the closed body. */
    @Test
    void aReadThatBreaksOffIsRetriedWithANewGetObject() {
        fakes.s3.breakOffNextBodies(1);

        Exchange done = process(jpeg);

        assertThat(fakes.failures.recorder.calls()).isEmpty();
        assertThat(done.isFailed()).isFalse();
        assertThat(fakes.s3.gets()).hasSize(2);
        StoredImage image = (StoredImage) fakes.start.recorder.calls().get(0).get("image");
        assertThat(image.bytes()).isEqualTo(jpeg);
    }
}
