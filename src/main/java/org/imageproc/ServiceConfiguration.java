package org.imageproc;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.spi.Registry;
import org.imageproc.album.AlbumCatalog;
import org.imageproc.aws.AwsClients;
import org.imageproc.aws.LocalStack;
import org.imageproc.catalog.FinishExecution;
import org.imageproc.catalog.FinishRefusals;
import org.imageproc.catalog.FinishedUploads;
import org.imageproc.catalog.ImageCatalog;
import org.imageproc.catalog.LabelIndex;
import org.imageproc.catalog.SettleLabels;
import org.imageproc.catalog.StartExecution;
import org.imageproc.catalog.StoreMetadata;
import org.imageproc.catalog.Tables;
import org.imageproc.config.Concurrency;
import org.imageproc.config.Config;
import org.imageproc.deadletter.DeadLetters;
import org.imageproc.deadletter.EventQueue;
import org.imageproc.decode.ImageDecoder;
import org.imageproc.imaging.PixelBudget;
import org.imageproc.ingest.ConsumerErrors;
import org.imageproc.ingest.S3EventParser;
import org.imageproc.labels.ImageSource;
import org.imageproc.labels.LabelDetector;
import org.imageproc.memory.CollectorAdvice;
import org.imageproc.memory.NativeHeapTrim;
import org.imageproc.metadata.AcceptedFormats;
import org.imageproc.metadata.ImageCheck;
import org.imageproc.metadata.MetadataReader;
import org.imageproc.observe.DynamoDbRequests;
import org.imageproc.observe.Observability;
import org.imageproc.outage.Outages;
import org.imageproc.outage.PauseDuringOutage;
import org.imageproc.outage.Probes;
import org.imageproc.photo.AlbumProgress;
import org.imageproc.photo.IssuedUploads;
import org.imageproc.photo.PhotoCatalog;
import org.imageproc.job.AlbumDeletion;
import org.imageproc.job.JobEvents;
import org.imageproc.job.JobTally;
import org.imageproc.job.Jobs;
import org.imageproc.job.Reprocessing;
import org.imageproc.photo.PhotoLinks;
import org.imageproc.photo.PhotoRemoval;
import org.imageproc.photo.PresignedPost;
import org.imageproc.photo.UploadTickets;
import org.imageproc.pipeline.CollectVariables;
import org.imageproc.pipeline.FailureRecorder;
import org.imageproc.pipeline.DecodeFirst;
import org.imageproc.pipeline.FlowSteps;
import org.imageproc.pipeline.RetryLog;
import org.imageproc.pipeline.StepRecorder;
import org.imageproc.pipeline.StepTimer;
import org.imageproc.search.PhotoSearch;
import org.imageproc.stop.GracefulStop;
import org.imageproc.storage.CurrentObject;
import org.imageproc.storage.ImageLoader;
import org.imageproc.thumbnail.ThumbnailStep;
import org.imageproc.thumbnail.ThumbnailStore;
import org.imageproc.web.ApiErrors;
import org.imageproc.web.FailureRetries;
import org.imageproc.web.LibraryApi;
import org.imageproc.web.StaticFiles;
import org.imageproc.web.WebApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the service in one place: the AWS clients first (starting the local stack in local mode), then the beans the
 * routes inject by type ({@code @BeanInject}); the YAML flow names only {@code collectVariables}.
 */
@Configuration
public class ServiceConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceConfiguration.class);

    @Override
    public void configure(CamelContext context) throws Exception {
        Config config = new Config(context.getPropertiesComponent());
        Registry registry = context.getRegistry();
        Clock clock = Clock.systemUTC();
        // checked before the local stack starts, so a wrong list fails at once
        AcceptedFormats formats = AcceptedFormats.parse("imageproc.formats", config.string("imageproc.formats"));

        boolean labels = labelsEnabled(config);
        Outages outages = new Outages(clock, Duration.ofSeconds(config.number("imageproc.outage.summary-seconds")));
        String imageTable = config.string("imageproc.table.images");
        String albumTable = config.string("imageproc.table.albums");
        String labelTable = config.string("imageproc.table.labels");
        String jobTable = config.string("imageproc.table.jobs");
        String incomingPrefix = config.string("imageproc.incoming-prefix");
        MeterRegistry meters = Observability.meters(context);
        AwsClients aws = AwsClients.connect(config, labels, outages, new DynamoDbRequests(meters),
                Tables.definitions(imageTable, albumTable, labelTable, jobTable),
                new FinishedUploads(imageTable, incomingPrefix)::finishedKeys);
        // stopped after the routes, so in-flight images finish before the local stack goes away
        context.addService(aws, true, true);
        GracefulStop.install(context, aws);
        registry.bind("awsClients", aws);
        registry.bind("s3Client", aws.s3());
        registry.bind("s3Presigner", aws.presigner());
        registry.bind("sqsClient", aws.sqs());
        registry.bind("dynamoDbClient", aws.dynamoDb());
        registry.bind("rekognitionClient", aws.rekognition());

        String bucket = config.string("imageproc.bucket");
        String queue = config.string("imageproc.queue");
        ImageCatalog catalog = new ImageCatalog(aws.dynamoDb(), config.string("imageproc.table.images"),
                incomingPrefix, new CurrentObject(aws.s3(), bucket), clock);
        registry.bind("imageCatalog", catalog);
        registry.bind("storeMetadata", new StoreMetadata(catalog, new FlowSteps(context)));
        context.addStartupListener(new DecodeFirst());
        LabelIndex labelIndex = new LabelIndex(aws.dynamoDb(), labelTable, imageTable);
        PhotoRemoval removal = new PhotoRemoval(aws.s3(), aws.dynamoDb(), bucket, incomingPrefix,
                config.string("imageproc.thumbnail.prefix"), imageTable, labelIndex::remove);
        AlbumCatalog albums = new AlbumCatalog(aws.dynamoDb(), albumTable, clock);
        registry.bind("startExecution", new StartExecution(catalog, albums::deletedBefore, removal::remove));
        registry.bind("labelIndex", labelIndex);
        registry.bind("settleLabels", new SettleLabels(labelIndex::settle));
        registry.bind("finishRefusals", new FinishRefusals());
        S3EventParser parser = new S3EventParser(bucket, incomingPrefix);
        registry.bind("s3EventParser", parser);
        registry.bind("imageLoader", new ImageLoader(aws.s3(), bucket, config.number("imageproc.max-file-bytes")));
        registry.bind("metadataReader", new MetadataReader());
        registry.bind("imageCheck", new ImageCheck(config.number("imageproc.max-pixels"), formats));
        ThumbnailStore thumbnails = new ThumbnailStore(aws.s3(), config.string("imageproc.thumbnail.prefix"),
                catalog::ownStatus);
        registry.bind("thumbnailStep", new ThumbnailStep(thumbnails));
        registry.bind("finishExecution", new FinishExecution(catalog, labelIndex::stage, thumbnails::remove));
        LabelDetector detector = new LabelDetector(aws.rekognition(), labels,
                ImageSource.parse(config.string("imageproc.labels.image-source")),
                config.integer("imageproc.labels.image-size"));
        registry.bind("labelDetector", detector);
        bindConcurrency(context, config, detector.pixelsNeeded());
        registry.bind("collectVariables", new CollectVariables());
        EventQueue eventQueue = new EventQueue(aws.sqs(), queue);
        registry.bind("failureRecorder", new FailureRecorder(catalog, thumbnails::remove,
                eventQueue::maxReceiveCount, eventQueue::releaseNow, outages));

        StepTimer steps = new StepTimer(clock);
        steps.addListener(new StepRecorder(catalog, outages));
        context.addRoutePolicyFactory(steps);

        Probes probes = new Probes(aws.sqs(), aws.s3(), aws.dynamoDb(), queue, bucket,
                List.of(imageTable, albumTable, labelTable, jobTable));
        outages.watch(context, probes, () -> aws.localStack().flatMap(LocalStack::outage),
                Duration.ofMillis(config.number("imageproc.outage.probe-ms")));
        registry.bind("pauseDuringOutage", new PauseDuringOutage(outages, eventQueue::releaseNow));
        registry.bind("consumerErrors", new ConsumerErrors(outages, clock));
        registry.bind("retryLog", new RetryLog(outages));
        Jobs jobs = new Jobs(aws.dynamoDb(), jobTable, clock);
        JobTally tally = new JobTally(jobs, aws.dynamoDb(), imageTable, incomingPrefix);
        registry.bind("jobTally", tally);
        DeadLetters deadLetters = new DeadLetters(aws.sqs(), eventQueue, parser, catalog, thumbnails::remove,
                event -> tally.count(event, null), incomingPrefix);
        registry.bind("deadLetters", deadLetters);
        Observability.install(context, meters, config, aws, probes, clock, steps::addListener);
        NativeHeapTrim.install(context, Duration.ofSeconds(config.number("imageproc.memory.trim-seconds")));
        WebApi web = bindWebApp(registry, config, aws, clock, deadLetters, labelIndex);
        bindLibrary(context, config, aws, clock, catalog, jobs, web, labels, removal, albums);
    }

    /** The consumers, the parallel steps' threads and the decodes' pixel budget, from the cores and the heap. */
    private void bindConcurrency(CamelContext context, Config config, int labelSize) {
        int cores = Runtime.getRuntime().availableProcessors();
        Concurrency concurrency = Concurrency.of(config, cores);
        String budgetValue = config.string("imageproc.decode.pixel-budget").trim();
        PixelBudget budget = Concurrency.AUTO.equalsIgnoreCase(budgetValue)
                ? PixelBudget.ofHeap(Runtime.getRuntime().maxMemory()) : new PixelBudget(Long.parseLong(budgetValue));
        Registry registry = context.getRegistry();
        registry.bind("concurrency", concurrency);
        registry.bind("imageStepThreads", context.getExecutorServiceManager()
                .newFixedThreadPool(this, "image-steps", concurrency.stepThreads()));
        registry.bind("imageDecoder", new ImageDecoder(labelSize, budget));
        LOG.info("{} cores: {} queue consumers, {} image-step threads, decoding within {}", cores,
                concurrency.consumers(), concurrency.stepThreads(), budget);
        CollectorAdvice.logIfNeeded();
    }

    /** Reprocessing, deleting and their jobs, behind the web API. */
    private void bindLibrary(CamelContext context, Config config, AwsClients aws, Clock clock, ImageCatalog catalog,
            Jobs jobs, WebApi web, boolean labels, PhotoRemoval removal, AlbumCatalog albums) {
        String bucket = config.string("imageproc.bucket");
        String imageTable = config.string("imageproc.table.images");
        String incomingPrefix = config.string("imageproc.incoming-prefix");
        JobEvents events = new JobEvents(aws.sqs(), config.string("imageproc.queue"), bucket, aws.region().id(), clock);
        Reprocessing reprocessing = new Reprocessing(jobs, events, catalog, aws.dynamoDb(), aws.s3(), bucket,
                imageTable, incomingPrefix, labels, config.integer("imageproc.thumbnail.max-size"));
        AlbumDeletion albumDeletion = new AlbumDeletion(jobs, removal, albums, aws.dynamoDb(), imageTable,
                context.getExecutorServiceManager().newSingleThreadExecutor(this, "album-deletion"));
        context.getRegistry().bind("libraryApi", LibraryApi.of(web, reprocessing, removal, albumDeletion, jobs));
    }

    private static WebApi bindWebApp(Registry registry, Config config, AwsClients aws, Clock clock,
            DeadLetters deadLetters, LabelIndex labelIndex) {
        String bucket = config.string("imageproc.bucket");
        String incomingPrefix = config.string("imageproc.incoming-prefix");
        PhotoLinks links = new PhotoLinks(aws.credentials(), aws.region(), aws.s3().utilities(), bucket,
                incomingPrefix, config.string("imageproc.thumbnail.prefix"),
                Duration.ofSeconds(config.number("imageproc.web.link-seconds")), clock);
        PhotoCatalog photos = new PhotoCatalog(aws.dynamoDb(), aws.s3(), config.string("imageproc.table.images"),
                bucket, incomingPrefix, links);
        AlbumCatalog albums = new AlbumCatalog(aws.dynamoDb(), config.string("imageproc.table.albums"), clock);
        UploadTickets tickets = new UploadTickets(
                new PresignedPost(aws.credentials(), aws.region(), aws.s3().utilities(), bucket, clock),
                incomingPrefix, config.number("imageproc.max-file-bytes"),
                Duration.ofSeconds(config.number("imageproc.web.upload-seconds")));
        IssuedUploads issued = new IssuedUploads(aws.dynamoDb(), config.string("imageproc.table.albums"));
        WebApi web = new WebApi(albums, photos, tickets, deadLetters, new PhotoSearch(labelIndex, photos), issued,
                new AlbumProgress(photos, issued, clock));
        registry.bind("webApi", web);
        registry.bind("failureRetries", new FailureRetries(photos, deadLetters));
        registry.bind("apiErrors", new ApiErrors());
        registry.bind("staticFiles", new StaticFiles());
        return web;
    }

    /** auto: on, against AWS's Rekognition, a configured endpoint or, in local mode, the local detector. */
    private static boolean labelsEnabled(Config config) {
        String enabled = config.string("imageproc.labels.enabled").trim().toLowerCase(Locale.ROOT);
        return switch (enabled) {
            case "auto", "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(
                    "imageproc.labels.enabled must be true, false or auto, not '" + enabled + "'");
        };
    }
}
