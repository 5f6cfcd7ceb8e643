package org.imageproc.aws;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ServiceLoader;

import org.apache.camel.support.service.ServiceSupport;
import org.imageproc.config.Config;
import org.imageproc.outage.Dependency;
import org.imageproc.outage.Outages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS SDK clients the Camel components and beans share, pointed at real AWS (default credential chain) or, in
 * local mode, at the embedded local stack this class starts and stops.
 */
public final class AwsClients extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(AwsClients.class);
    /** How the service's calls introduce themselves to AWS. */
    public static final String APP_ID = "imageproc";

    private final LocalStack localStack;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final S3Client s3;
    private final S3Presigner presigner;
    private final SqsClient sqs;
    private final DynamoDbClient dynamoDb;
    private final RekognitionClient rekognition;

    private AwsClients(LocalStack localStack, Region region, AwsCredentialsProvider credentials, Outages outages,
            ExecutionInterceptor dynamoDbRequests, Optional<URI> s3Endpoint, Optional<URI> sqsEndpoint,
            Optional<URI> dynamoDbEndpoint, Optional<URI> rekognitionEndpoint) {
        this.localStack = localStack;
        this.region = region;
        this.credentials = credentials;
        this.s3 = build(S3Client.builder().forcePathStyle(s3Endpoint.isPresent()), region, credentials, s3Endpoint,
                outages.interceptor(Dependency.S3));
        S3Presigner.Builder presignerBuilder = S3Presigner.builder().region(region).credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(s3Endpoint.isPresent()).build());
        s3Endpoint.ifPresent(presignerBuilder::endpointOverride);
        this.presigner = presignerBuilder.build();
        this.sqs = build(SqsClient.builder(), region, credentials, sqsEndpoint, outages.interceptor(Dependency.SQS));
        this.dynamoDb = build(DynamoDbClient.builder(), region, credentials, dynamoDbEndpoint,
                outages.interceptor(Dependency.DYNAMODB), dynamoDbRequests);
        this.rekognition = build(RekognitionClient.builder(), region, credentials, rekognitionEndpoint,
                outages.interceptor(Dependency.REKOGNITION));
    }

    /**
     * Connects as configured: {@code imageproc.mode=local} starts the embedded stack first, with the local
     * Rekognition when labels are wanted and no other Rekognition endpoint is configured. Every client reports to
     * {@code outages} whether its service answers; {@code dynamoDbRequests} sees every call of the DynamoDB client.
     */
    public static AwsClients connect(Config config, boolean labels, Outages outages,
            ExecutionInterceptor dynamoDbRequests, List<CreateTableRequest> tables, UploadLedger ledger) {
        Optional<URI> rekognitionEndpoint = uri(config.optional("imageproc.aws.rekognition-endpoint"));
        String mode = config.string("imageproc.mode").trim();
        if (mode.equalsIgnoreCase("local")) {
            OptionalInt rekognitionPort = labels && rekognitionEndpoint.isEmpty()
                    ? OptionalInt.of(config.integer("imageproc.local.rekognition-port")) : OptionalInt.empty();
            LocalStackSettings s = localSettings(config, tables);
            LocalStack stack = launcher().start(s, rekognitionPort, ledger);
            return new AwsClients(stack, Region.of(s.region()),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create(s.accessKey(), s.secretKey())), outages,
                    dynamoDbRequests, Optional.of(stack.s3Endpoint()), Optional.of(stack.sqsEndpoint()),
                    Optional.of(stack.dynamoDbEndpoint()),
                    rekognitionEndpoint.isPresent() ? rekognitionEndpoint : stack.rekognitionEndpoint());
        }
        if (!mode.equalsIgnoreCase("aws")) {
            throw new IllegalArgumentException("imageproc.mode must be 'local' or 'aws', not '" + mode + "'");
        }
        String region = config.string("imageproc.aws.region");
        LOG.info("Talking to AWS in {} with the default credential chain", region);
        return new AwsClients(null, Region.of(region), DefaultCredentialsProvider.builder().build(), outages,
                dynamoDbRequests, uri(config.optional("imageproc.aws.s3-endpoint")),
                uri(config.optional("imageproc.aws.sqs-endpoint")),
                uri(config.optional("imageproc.aws.dynamodb-endpoint")), rekognitionEndpoint);
    }

    /**
     * Clients of a service's AWS resources for a tool beside it (the backfill): in local mode, the local stack the
     * running service started, at the configured ports; in aws mode, as the service connects. Starts nothing.
     */
    public static AwsClients attach(Config config) {
        String mode = config.string("imageproc.mode").trim();
        ExecutionInterceptor none = new ExecutionInterceptor() {
        };
        Outages outages = new Outages(Clock.systemUTC(), Duration.ofMinutes(1));
        if (mode.equalsIgnoreCase("local")) {
            String host = "http://" + config.string("imageproc.local.host") + ":";
            return new AwsClients(null, Region.of(config.string("imageproc.aws.region")),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create(
                            config.string("imageproc.local.access-key"), config.string("imageproc.local.secret-key"))),
                    outages, none, uri(host + config.integer("imageproc.local.s3-port")),
                    uri(host + config.integer("imageproc.local.sqs-port")),
                    uri(host + config.integer("imageproc.local.dynamodb-port")), Optional.empty());
        }
        return connect(config, false, outages, none, List.of(), null);
    }

    private static LocalStackLauncher launcher() {
        return ServiceLoader.load(LocalStackLauncher.class, AwsClients.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("This build has no local AWS stack (a lean jar): set"
                        + " IMAGEPROC_MODE=aws, or run the full jar for local mode"));
    }

    private static LocalStackSettings localSettings(Config config, List<CreateTableRequest> tables) {
        return new LocalStackSettings(Path.of(config.string("imageproc.data-dir")),
                config.string("imageproc.local.host"),
                config.integer("imageproc.local.s3-port"),
                config.integer("imageproc.local.sqs-port"),
                config.integer("imageproc.local.dynamodb-port"),
                config.string("imageproc.local.access-key"),
                config.string("imageproc.local.secret-key"),
                config.string("imageproc.aws.region"),
                config.string("imageproc.bucket"),
                config.string("imageproc.incoming-prefix"),
                config.string("imageproc.queue"),
                config.string("imageproc.dead-letter-queue"),
                tables,
                detectorThreads(config.optional("imageproc.local.detector-threads")));
    }

    static int detectorThreads(String configured) {
        if (configured.isEmpty()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int threads = Integer.parseInt(configured);
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below with the other wrong values
        }
        throw new IllegalArgumentException("imageproc.local.detector-threads must be empty (one per core) or a whole"
                + " number of at least 1, not '" + configured + "'");
    }

    /** The region every client is in. */
    public Region region() {
        return region;
    }

    /** The credentials every client signs with (the web app's upload forms too). */
    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    public S3Client s3() {
        return s3;
    }

    public S3Presigner presigner() {
        return presigner;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public RekognitionClient rekognition() {
        return rekognition;
    }

    /** The embedded stack in local mode, otherwise empty. */
    public Optional<LocalStack> localStack() {
        return Optional.ofNullable(localStack);
    }

    @Override
    protected void doStop() {
        s3.close();
        presigner.close();
        sqs.close();
        dynamoDb.close();
        rekognition.close();
        if (localStack != null) {
            localStack.close();
        }
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
            B builder, Region region, AwsCredentialsProvider credentials, Optional<URI> endpoint,
            ExecutionInterceptor... interceptors) {
        builder.region(region).credentialsProvider(credentials);
        // the SDK's standard mode: 3 quick attempts for a dropped connection or a throttled call, the same for every
        // service (its legacy default gives DynamoDB 9 attempts over ~4 s), under Camel's slower redeliveries; the
        // app id (User-Agent "app/imageproc") tells the service's calls from others' in AWS's logs (CloudTrail)
        builder.overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD)
                .executionInterceptors(List.of(interceptors)).appId(APP_ID));
        // several HTTP client implementations are on the classpath; the SDK refuses to guess
        builder.httpClientBuilder(ApacheHttpClient.builder());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static Optional<URI> uri(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(URI.create(value));
    }
}
