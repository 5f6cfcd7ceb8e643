package org.imageproc.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.imageproc.TestService;
import org.imageproc.aws.LocalStackSettings;
import org.imageproc.local.LocalAwsStack;
import org.imageproc.local.StackClients;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The service in {@code aws} mode, as in production, against a separately started local stack: it starts no server
 * of its own and takes its credentials from the SDK's default chain and its endpoints from configuration.
 */
public record AwsModeService(LocalAwsStack stack, TestService service) implements AutoCloseable {

    public static AwsModeService start() {
        return start(() -> { });
    }

    /** Starts the stack, runs {@code beforeService} (the stack has provisioned itself by then), starts the service. */
    public static AwsModeService start(Runnable beforeService) {
        return start(beforeService, stack -> Map.of());
    }

    /**
     * As {@link #start(Runnable)}, with properties of the service's own, made once the stack runs (an endpoint of
     * something between the service and the stack, say), over the ones pointing it at the stack.
     */
    public static AwsModeService start(Runnable beforeService,
            Function<LocalAwsStack, Map<String, String>> properties) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "aws-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalStackSettings defaults = StackClients.defaults(dataDir);
        LocalAwsStack stack = StackClients.start(new LocalStackSettings(dataDir, defaults.host(), 0, 0, 0,
                defaults.accessKey(), defaults.secretKey(), defaults.region(), defaults.bucket(),
                defaults.incomingPrefix(), defaults.queue(), defaults.deadLetterQueue(), defaults.tables()));
        beforeService.run();
        // the default credential chain reads these system properties first
        System.setProperty("aws.accessKeyId", defaults.accessKey());
        System.setProperty("aws.secretAccessKey", defaults.secretKey());
        Map<String, String> configured = new HashMap<>(Map.of(
                "imageproc.mode", "aws",
                "imageproc.aws.s3-endpoint", stack.s3Endpoint().toString(),
                "imageproc.aws.sqs-endpoint", stack.sqsEndpoint().toString(),
                "imageproc.aws.dynamodb-endpoint", stack.dynamoDbEndpoint().toString()));
        configured.putAll(properties.apply(stack));
        TestService service = TestService.start(configured);
        return new AwsModeService(stack, service);
    }

    /** An S3 client of the stack itself, as an uploader has: not through anything the service is pointed at. */
    public S3Client stackS3() {
        LocalStackSettings settings = stack.settings();
        return S3Client.builder().endpointOverride(stack.s3Endpoint()).forcePathStyle(true)
                .region(Region.of(settings.region())).httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                .build();
    }

    @Override
    public void close() {
        try {
            service.stop();
            stack.close();
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }
}
