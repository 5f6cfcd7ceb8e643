package org.imageproc.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Handler;
import org.apache.camel.Header;
import org.apache.camel.Route;
import org.apache.camel.Variable;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.sqs.Sqs2Constants;
import org.apache.camel.language.simple.Simple;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.RoutePolicySupport;
import org.imageproc.catalog.ImageCatalog;
import org.imageproc.catalog.ImageSucceeded;
import org.imageproc.catalog.StartExecution;
import org.imageproc.catalog.StoreMetadata;
import org.imageproc.config.Config;
import org.imageproc.decode.ImageDecoder;
import org.imageproc.imaging.PixelBudget;
import org.imageproc.imaging.WorkingImage;
import org.imageproc.ingest.IngestRoute;
import org.imageproc.labels.DetectedLabels;
import org.imageproc.labels.ImageSource;
import org.imageproc.labels.Label;
import org.imageproc.labels.LabelDetector;
import org.imageproc.metadata.AcceptedFormats;
import org.imageproc.metadata.ImageCheck;
import org.imageproc.metadata.ImageMetadata;
import org.imageproc.metadata.MetadataReader;
import org.imageproc.outage.Outages;
import org.imageproc.run.Execution;
import org.imageproc.run.ImageEvent;
import org.imageproc.run.StepRecord;
import org.imageproc.run.Steps;
import org.imageproc.run.StepsAhead;
import org.imageproc.run.Variables;
import org.imageproc.storage.ImageLoader;
import org.imageproc.storage.StoredImage;
import org.imageproc.testing.FakeS3;
import org.imageproc.thumbnail.StoredThumbnail;
import org.imageproc.thumbnail.ThumbnailStep;

/**
 * What process-image runs on in {@link ProcessImageFlowTest}: a fake S3 behind the real read-image, the real metadata
 * reader and check and decode-image (pure), and in-memory fakes for the steps that talk to DynamoDB and Rekognition or write to S3,
 * each keeping what the flow gave it. The route ids the run entered, in order, are in {@link #routes()}.
 */
final class FlowFakes {

    static final Execution EXECUTION = new Execution("cat.jpg", "run-1", "photo-repo", "Incoming/cat.jpg", "etag-1",
            "0001", Instant.parse("2026-12-01T10:00:00Z"));
    static final DetectedLabels LABELS = new DetectedLabels(List.of(new Label("Cat", 97.5, List.of("Animal"),
            List.of())), "3.0", false);
    static final StoredThumbnail THUMBNAIL = new StoredThumbnail("photo-repo", "Thumbnails/cat.jpg", 64, 48,
            List.of());
    static final ImageSucceeded SUCCEEDED = new ImageSucceeded("cat.jpg", "run-1", "photo-repo", "Incoming/cat.jpg",
            "2026-12-01T10:00:01Z", List.of("Cat"), "Thumbnails/cat.jpg");

    /** The longest side label detection asks of the working image in these runs. */
    static final int LABEL_SIZE = 100;

    final FakeS3 s3 = new FakeS3();
    /** Small enough that a test can hold it all; any image of these runs still decodes alone. */
    final PixelBudget budget = new PixelBudget(1_000);
    final FakeStartExecution start = new FakeStartExecution();
    final FakeStoreMetadata store = new FakeStoreMetadata();
    final FakeLabelDetector labels = new FakeLabelDetector();
    final FakeThumbnailStep thumbnails = new FakeThumbnailStep();
    final FakeFinishExecution finish = new FakeFinishExecution();
    final FakeFailureRecorder failures = new FakeFailureRecorder();
    final FakeCatalog catalog = new FakeCatalog();
    private final List<String> routes = Collections.synchronizedList(new ArrayList<>());

    /** Binds what ServiceConfiguration binds for the flow, faked where it would reach AWS; before the routes start. */
    void bind(CamelContext context) {
        Registry registry = context.getRegistry();
        Config config = new Config(context.getPropertiesComponent());
        registry.bind("s3Client", s3);
        registry.bind("imageLoader", new ImageLoader(s3, config.string("imageproc.bucket"),
                config.number("imageproc.max-file-bytes")));
        registry.bind("imageDecoder", new ImageDecoder(LABEL_SIZE, budget));
        registry.bind("imageStepThreads", context.getExecutorServiceManager().newFixedThreadPool(this, "image-steps",
                2));
        registry.bind("startExecution", start);
        registry.bind("metadataReader", new MetadataReader());
        registry.bind("imageCheck", new ImageCheck(config.number("imageproc.max-pixels"),
                AcceptedFormats.parse("imageproc.formats", config.string("imageproc.formats"))));
        registry.bind("storeMetadata", store);
        registry.bind("labelDetector", labels);
        registry.bind("thumbnailStep", thumbnails);
        registry.bind("collectVariables", new CollectVariables());
        registry.bind("retryLog", new RetryLog(new Outages(Clock.systemUTC(), Duration.ofMinutes(1))));
        registry.bind("failureRecorder", failures);
        registry.bind("imageCatalog", catalog);
        store.ahead = new FlowSteps(context);
        StepTimer steps = new StepTimer(Clock.systemUTC());
        steps.addListener(new StepRecorder(catalog, new Outages(Clock.systemUTC(), Duration.ofMinutes(1))));
        context.addRoutePolicyFactory(steps);
        context.addRoutePolicyFactory((camelContext, routeId, route) -> new RoutePolicySupport() {
            @Override
            public void onExchangeBegin(Route entered, Exchange exchange) {
                routes.add(entered.getRouteId());
            }
        });
    }

    /** The route ids entered, in the order the run entered them. */
    List<String> routes() {
        synchronized (routes) {
            return List.copyOf(routes);
        }
    }

    /**
     * A stand-in for FinishExecutionRoute, same id, group and route property, calling {@link FakeFinishExecution}: the
     * route only calls its bean, and that bean is final (and being changed elsewhere), so it has no seam for a fake.
     */
    void finishExecutionRoute(RouteBuilder routes) {
        routes.from("direct:finish-execution").routeId("finish-execution").routeGroup(Steps.GROUP)
                .routeProperty(Steps.WRITES_ITEM, "true").bean(finish);
    }

    /** The job count the flow asks for once a photo is settled: nothing to count for S3's own events. */
    void countForJobRoute(RouteBuilder routes) {
        routes.from("direct:count-for-job").routeId("count-for-job").log("no job to count");
    }

    /** What a fake step was given, by parameter name. */
    record Call(Map<String, Object> arguments) {

        Object get(String name) {
            return arguments.get(name);
        }
    }

    /** Keeps each call of a fake, and lets a test make the next calls throw. */
    static final class Recorder {

        private final List<Call> calls = new CopyOnWriteArrayList<>();
        private final AtomicInteger failuresLeft = new AtomicInteger();
        private volatile Supplier<RuntimeException> failure;

        List<Call> calls() {
            return List.copyOf(calls);
        }

        /** The next {@code times} calls throw what {@code failure} gives. */
        void failWith(Supplier<RuntimeException> failure, int times) {
            this.failure = failure;
            failuresLeft.set(times);
        }

        void record(Object... namesAndValues) {
            Map<String, Object> arguments = new ConcurrentHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                if (namesAndValues[i + 1] != null) {
                    arguments.put((String) namesAndValues[i], namesAndValues[i + 1]);
                }
            }
            calls.add(new Call(Map.copyOf(arguments)));
            if (failuresLeft.getAndDecrement() > 0) {
                throw failure.get();
            }
        }
    }

    /** Stands for start-execution's claim of the item in DynamoDB: the run, or null for an upload already processed. */
    static final class FakeStartExecution extends StartExecution {

        final Recorder recorder = new Recorder();
        volatile Execution answer = EXECUTION;

        FakeStartExecution() {
            super(null, null, null);
        }

        @Override
        @Handler
        public Execution start(@Variable(Variables.EVENT) ImageEvent event, @Variable(Variables.IMAGE) StoredImage image,
                @Variable(Variables.STEPS) Map<String, StepRecord> steps) {
            recorder.record("event", event, "image", image, "steps", steps);
            return answer;
        }
    }

    /**
     * Stands for store-metadata's conditional write of the metadata on the item, with the steps so far and the steps
     * ahead (read from the flow's routes, as the service does).
     */
    static final class FakeStoreMetadata extends StoreMetadata {

        final Recorder recorder = new Recorder();
        volatile StepsAhead ahead;

        FakeStoreMetadata() {
            super(null, null);
        }

        @Override
        @Handler
        public void store(@Variable(Variables.EXECUTION) Execution execution,
                @Variable(Variables.IMAGE) StoredImage image, @Variable(Variables.METADATA) ImageMetadata metadata,
                @Variable(Variables.STEPS) Map<String, StepRecord> steps, @Simple("${fromRouteId}") String flow,
                @Simple("${routeId}") String step) {
            recorder.record("execution", execution, "image", image, "metadata", metadata, "steps", steps,
                    "ahead", ahead.after(flow, step));
        }
    }

    /** Stands for Rekognition's DetectLabels behind detect-labels: answers {@link #LABELS}. */
    static final class FakeLabelDetector extends LabelDetector {

        final Recorder recorder = new Recorder();

        FakeLabelDetector() {
            super(null, true, ImageSource.BYTES, LABEL_SIZE);
        }

        @Override
        @Handler
        public DetectedLabels detect(@Variable(Variables.EXECUTION) Execution execution,
                @Variable(Variables.WORKING) WorkingImage working,
                @Variable(Variables.MAX_LABELS) Integer maxLabels,
                @Variable(Variables.MIN_CONFIDENCE) Float minConfidence) {
            recorder.record("execution", execution, "working", working, "maxLabels", maxLabels,
                    "minConfidence", minConfidence);
            return LABELS;
        }
    }

    /** Stands for make-thumbnail's scaling and S3 write: answers {@link #THUMBNAIL}. */
    static final class FakeThumbnailStep extends ThumbnailStep {

        final Recorder recorder = new Recorder();

        FakeThumbnailStep() {
            super(null);
        }

        @Override
        @Handler
        public StoredThumbnail make(@Variable(Variables.EXECUTION) Execution execution,
                @Variable(Variables.WORKING) WorkingImage working, @Variable(Variables.METADATA) ImageMetadata metadata,
                @Variable(Variables.THUMBNAIL_MAX_SIZE) Integer maxSize) {
            recorder.record("execution", execution, "working", working, "metadata", metadata, "maxSize", maxSize);
            return THUMBNAIL;
        }
    }

    /** Stands for finish-execution's final write of labels and thumbnail on the item: answers {@link #SUCCEEDED}. */
    static final class FakeFinishExecution {

        final Recorder recorder = new Recorder();

        @Handler
        public ImageSucceeded finish(@Variable(Variables.EXECUTION) Execution execution,
                @Variable(Variables.METADATA) ImageMetadata metadata, @Variable(Variables.LABELS) DetectedLabels labels,
                @Variable(Variables.THUMBNAIL) StoredThumbnail thumbnail,
                @Variable(Variables.STEPS) Map<String, StepRecord> steps) {
            recorder.record("execution", execution, "metadata", metadata, "labels", labels, "thumbnail", thumbnail,
                    "steps", steps);
            return SUCCEEDED;
        }
    }

    /** Stands for the failure record on the item (record-failure's bean): keeps the step and the cause. */
    static final class FakeFailureRecorder extends FailureRecorder {

        final Recorder recorder = new Recorder();

        FakeFailureRecorder() {
            super(null, null, null, null, null);
        }

        @Override
        @Handler
        public void record(@Variable(Variables.EVENT) ImageEvent event,
                @Variable(Variables.EXECUTION) Execution execution, @Variable(Variables.IMAGE) StoredImage image,
                @Variable(Variables.METADATA) ImageMetadata metadata,
                @ExchangeProperty(Exchange.FAILURE_ROUTE_ID) String failedRouteId,
                @Simple("${exception}") Throwable failure, @Header(IngestRoute.RECEIVE_COUNT) Integer receive,
                @Header(Exchange.REDELIVERY_COUNTER) Integer redeliveries,
                @Header(Sqs2Constants.RECEIPT_HANDLE) String receiptHandle,
                @Variable(Variables.STEPS) Map<String, StepRecord> steps) {
            recorder.record("event", event, "execution", execution, "step", failedRouteId, "failure", failure,
                    "redeliveries", redeliveries, "steps", steps);
        }
    }

    /** Stands for the catalog's answer to the error handling: whether a later delivery of the event owns the item. */
    static final class FakeCatalog extends ImageCatalog {

        volatile boolean ownedByAnotherDelivery;

        FakeCatalog() {
            super(null, "ImageMetadata", "Incoming/", null, Clock.systemUTC());
        }

        @Override
        public boolean ownedByAnotherDelivery(Execution execution) {
            return ownedByAnotherDelivery;
        }
    }
}
