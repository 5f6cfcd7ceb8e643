package org.imageproc.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.imageproc.aws.LocalStack;
import org.imageproc.aws.LocalStackSettings;
import org.imageproc.aws.UploadLedger;
import org.imageproc.detector.DetectorSettings;
import org.imageproc.detector.LocalLabels;
import org.imageproc.detector.ObjectDetectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The embedded local AWS stack: real S3 (s3proxy), SQS (ElasticMQ) and DynamoDB (dynalite) servers on loopback ports,
 * provisioned for the service, with uploads under the incoming prefix announced on the queue as S3 would.
 */
public final class LocalAwsStack implements LocalStack {

    private static final Logger LOG = LoggerFactory.getLogger(LocalAwsStack.class);
    // longer than the service's visibility timeout, after which the events a killed run held come back
    private static final Duration SWEEP_PATIENCE = Duration.ofMinutes(2);
    // where the detector's native libraries are unpacked, on the first start only (dynalite unpacks there too)
    private static final String NATIVE_DIR = ".runtime";

    private final LocalStackSettings settings;
    private final DataDirLock lock;
    private final Servers servers;
    private final SqsClient notifications;
    private final String queueUrl;
    private final RekognitionServer rekognition;
    private final Duration startup;
    private final AtomicBoolean closed = new AtomicBoolean();
    private Thread sweep;

    private LocalAwsStack(LocalStackSettings settings, DataDirLock lock, Servers servers, SqsClient notifications,
            String queueUrl, RekognitionServer rekognition, Duration startup) {
        this.settings = settings;
        this.lock = lock;
        this.servers = servers;
        this.notifications = notifications;
        this.queueUrl = queueUrl;
        this.rekognition = rekognition;
        this.startup = startup;
    }

    /**
     * Starts the three servers and provisions them ({@link #summary()} tells how to reach them); data stays in the
     * settings' data dir. When
     * a port is given (0: a free one), a Rekognition DetectLabels server backed by the local detector starts too, its
     * model loading while the other servers start. Then, in the background, uploads a crash left unannounced (those
     * {@code ledger} does not know as finished) are announced again.
     */
    public static LocalAwsStack start(LocalStackSettings settings, OptionalInt rekognitionPort, UploadLedger ledger) {
        long begin = System.nanoTime();
        DataDirLock lock;
        try {
            lock = DataDirLock.acquire(settings.dataDir());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The local AWS stack did not start: " + Causes.describe(e), e);
        }
        CompletableFuture<LocalLabels> model = CompletableFuture.completedFuture(null);
        Servers servers;
        try {
            requirePortsFree(settings, rekognitionPort);
            if (rekognitionPort.isPresent()) {
                DetectorSettings detector = new DetectorSettings(settings.detectorThreads(),
                        settings.dataDir().resolve(NATIVE_DIR));
                model = CompletableFuture.supplyAsync(() -> new LocalLabels(
                        ObjectDetectors.load(LocalAwsStack.class.getClassLoader(), detector)));
            }
            servers = Servers.start(settings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeWhenLoaded(model);
            Servers.closeAll(List.of(lock));
            throw new IllegalStateException("Interrupted while starting the local AWS stack", e);
        } catch (Exception e) {
            closeWhenLoaded(model);
            Servers.closeAll(List.of(lock));
            throw new IllegalStateException("The local AWS stack did not start: " + Causes.describe(e), e);
        }
        SqsClient notifications = LocalClients.sqs(settings, endpoint(settings.host(), servers.sqs().port()));
        RekognitionServer rekognition = null;
        try {
            S3EventPublisher publisher = Provisioning.notifications(settings, servers.s3(), notifications);
            if (rekognitionPort.isPresent()) {
                rekognition = startRekognition(settings, rekognitionPort.getAsInt(), model, servers.s3().port());
            }
            LocalAwsStack stack = new LocalAwsStack(settings, lock, servers, notifications, publisher.queueUrl(),
                    rekognition, Duration.ofNanos(System.nanoTime() - begin));
            stack.startSweep(publisher, ledger);
            return stack;
        } catch (RuntimeException e) {
            Servers.closeAll(startOrder(lock, servers, notifications));
            closeWhenLoaded(model);
            throw e;
        }
    }

    /** A port held by another process stops the start before any server runs, rather than reach that process. */
    private static void requirePortsFree(LocalStackSettings settings, OptionalInt rekognitionPort) {
        String host = settings.host();
        Ports.requireFree(host, settings.s3Port(), "the local S3", "imageproc.local.s3-port");
        Ports.requireFree(host, settings.sqsPort(), "the local SQS", "imageproc.local.sqs-port");
        Ports.requireFree(host, settings.dynamoDbPort(), DynaliteServer.NAME, DynaliteServer.PORT_SETTING);
        if (rekognitionPort.isPresent()) {
            Ports.requireFree(host, rekognitionPort.getAsInt(), "the local Rekognition",
                    "imageproc.local.rekognition-port");
        }
    }

    private static RekognitionServer startRekognition(LocalStackSettings settings, int port,
            CompletableFuture<LocalLabels> model, int s3Port) {
        LocalLabels labels;
        try {
            labels = model.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("Local label detection could not start: " + e.getCause().getMessage(),
                    e.getCause());
        }
        try {
            return RekognitionServer.start(settings.host(), port, labels,
                    new S3Images(LocalClients.s3(settings, endpoint(settings.host(), s3Port))));
        } catch (IOException e) {
            labels.close();
            throw new UncheckedIOException("The local Rekognition server could not listen on port " + port, e);
        }
    }

    private static void closeWhenLoaded(CompletableFuture<LocalLabels> model) {
        model.thenAccept(labels -> {
            if (labels != null) {
                labels.close();
            }
        });
    }

    public LocalStackSettings settings() {
        return settings;
    }

    @Override
    public URI s3Endpoint() {
        return endpoint(settings.host(), servers.s3().port());
    }

    @Override
    public URI sqsEndpoint() {
        return endpoint(settings.host(), servers.sqs().port());
    }

    @Override
    public URI dynamoDbEndpoint() {
        return endpoint(settings.host(), servers.dynamoDb().port());
    }

    /** The local DetectLabels endpoint, when this stack runs one. */
    @Override
    public Optional<URI> rekognitionEndpoint() {
        return Optional.ofNullable(rekognition).map(server -> endpoint(settings.host(), server.port()));
    }

    /** The URL of the queue that receives the S3 event notifications. */
    public String queueUrl() {
        return queueUrl;
    }

    /**
     * Why a local server is away while it is being restarted (the child process that runs DynamoDB died); empty while
     * all of them run.
     */
    @Override
    public Optional<String> outage() {
        return servers.dynamoDb().outage();
    }

    /**
     * From now on the local S3 answers uploads under the incoming prefix with 503 SlowDown, as S3 does when it sheds
     * load, so that no upload is acknowledged that this run could not process; other writes (thumbnails) go on.
     */
    @Override
    public void stopTakingUploads() {
        servers.s3().stopTakingUploads();
    }

    /** Announces again, in the background, what a crash left stored but unprocessed (see {@link UploadSweep}). */
    private void startSweep(S3EventPublisher publisher, UploadLedger ledger) {
        S3Client s3 = LocalClients.s3(settings, s3Endpoint());
        DynamoDbClient dynamoDb = LocalClients.dynamoDb(settings, dynamoDbEndpoint());
        sweep = new Thread(() -> {
            try (s3; dynamoDb) {
                new UploadSweep(settings, s3, dynamoDb, notifications, publisher, SWEEP_PATIENCE, ledger).run();
            }
        }, "local-s3-sweep");
        sweep.setDaemon(true);
        sweep.start();
    }

    /**
     * Stops the sweep, then S3, so that no upload is announced to a stopped queue, then SQS and DynamoDB, and last
     * frees the data directory.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stopSweep();
            if (rekognition != null) {
                rekognition.close();
            }
            Servers.closeAll(startOrder(lock, servers, notifications));
            LOG.info("Local AWS stack stopped");
        }
    }

    private void stopSweep() {
        sweep.interrupt();
        try {
            // interrupted, its sleep or SDK call ends at once
            sweep.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** S3 announces uploads through the notification client, which needs SQS. */
    private static List<AutoCloseable> startOrder(DataDirLock lock, Servers servers, SqsClient notifications) {
        return List.of(lock, servers.dynamoDb(), servers.sqs(), notifications, servers.s3());
    }

    long dynamoDbPid() {
        return servers.dynamoDb().pid();
    }

    static URI endpoint(String host, int port) {
        return URI.create("http://" + host + ":" + port);
    }

    @Override
    public Map<String, String> summary() {
        String s3 = s3Endpoint().toString();
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("S3", s3 + "  bucket " + settings.bucket() + "; objects under " + settings.incomingPrefix()
                + " are announced on the queue");
        lines.put("SQS", sqsEndpoint() + "  queue " + queueUrl + " (dead letters: " + settings.deadLetterQueue() + ")");
        lines.put("DynamoDB", dynamoDbEndpoint() + "  tables " + settings.tables().stream()
                .map(CreateTableRequest::tableName).collect(Collectors.joining(", ")));
        lines.put("Rekognition", rekognitionEndpoint().map(uri -> uri + "  DetectLabels by the local detector")
                .orElse("(not started: labels off or served elsewhere)"));
        lines.put("Data", settings.dataDir().toAbsolutePath() + String.format("  (the local stack started in %.1f s)",
                startup.toMillis() / 1000.0));
        lines.put("Credentials", "AWS_ACCESS_KEY_ID=" + settings.accessKey() + " AWS_SECRET_ACCESS_KEY="
                + settings.secretKey() + " AWS_DEFAULT_REGION=" + settings.region());
        lines.put("Try", "aws --endpoint-url " + s3 + " s3 cp photo.jpg s3://" + settings.bucket() + "/"
                + settings.incomingPrefix() + "photo.jpg");
        return lines;
    }
}
