package org.imageproc.local;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The embedded local AWS stack: real S3 (s3proxy), SQS (ElasticMQ) and DynamoDB (dynalite) servers on loopback ports,
 * provisioned for the service, with uploads under the incoming prefix announced on the queue as S3 would.
 */
public final class LocalAwsStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalAwsStack.class);

    private final LocalStackSettings settings;
    private final Servers servers;
    private final SqsClient notifications;
    private final String queueUrl;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalAwsStack(LocalStackSettings settings, Servers servers, SqsClient notifications, String queueUrl) {
        this.settings = settings;
        this.servers = servers;
        this.notifications = notifications;
        this.queueUrl = queueUrl;
    }

    /** Starts the three servers, provisions them and logs how to reach them; data stays in the settings' data dir. */
    public static LocalAwsStack start(LocalStackSettings settings) {
        long begin = System.nanoTime();
        Servers servers;
        try {
            servers = Servers.start(settings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the local AWS stack", e);
        } catch (Exception e) {
            throw new IllegalStateException("The local AWS stack did not start: " + e.getMessage(), e);
        }
        SqsClient notifications = LocalClients.sqs(settings, endpoint(settings.host(), servers.sqs().port()));
        try {
            String queueUrl = Provisioning.notifications(settings, servers.s3(), notifications);
            LocalAwsStack stack = new LocalAwsStack(settings, servers, notifications, queueUrl);
            LOG.info(stack.banner(Duration.ofNanos(System.nanoTime() - begin)));
            return stack;
        } catch (RuntimeException e) {
            Servers.closeAll(startOrder(servers, notifications));
            throw e;
        }
    }

    public LocalStackSettings settings() {
        return settings;
    }

    public URI s3Endpoint() {
        return endpoint(settings.host(), servers.s3().port());
    }

    public URI sqsEndpoint() {
        return endpoint(settings.host(), servers.sqs().port());
    }

    public URI dynamoDbEndpoint() {
        return endpoint(settings.host(), servers.dynamoDb().port());
    }

    /** The URL of the queue that receives the S3 event notifications. */
    public String queueUrl() {
        return queueUrl;
    }

    /** Stops S3 first, so that no upload is announced to a stopped queue, then SQS and DynamoDB. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Servers.closeAll(startOrder(servers, notifications));
            LOG.info("Local AWS stack stopped");
        }
    }

    /** S3 announces uploads through the notification client, which needs SQS. */
    private static List<AutoCloseable> startOrder(Servers servers, SqsClient notifications) {
        return List.of(servers.dynamoDb(), servers.sqs(), notifications, servers.s3());
    }

    long dynamoDbPid() {
        return servers.dynamoDb().pid();
    }

    static URI endpoint(String host, int port) {
        return URI.create("http://" + host + ":" + port);
    }

    private String banner(Duration startup) {
        String s3 = s3Endpoint().toString();
        return String.format("""
                Local AWS stack ready in %.1f s, data in %s
                  S3        %s  bucket %s; objects under %s are announced on the queue
                  SQS       %s  queue %s (dead letters: %s)
                  DynamoDB  %s  tables %s, %s
                  Credentials: AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s AWS_DEFAULT_REGION=%s
                  Try: aws --endpoint-url %s s3 cp photo.jpg s3://%s/%sphoto.jpg""",
                startup.toMillis() / 1000.0, settings.dataDir().toAbsolutePath(),
                s3, settings.bucket(), settings.incomingPrefix(),
                sqsEndpoint(), queueUrl, settings.deadLetterQueue(),
                dynamoDbEndpoint(), settings.imageTable(), settings.albumTable(),
                settings.accessKey(), settings.secretKey(), settings.region(),
                s3, settings.bucket(), settings.incomingPrefix());
    }
}
