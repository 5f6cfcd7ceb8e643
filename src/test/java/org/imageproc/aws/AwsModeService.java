package org.imageproc.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.imageproc.TestService;
import org.imageproc.local.LocalAwsStack;
import org.imageproc.local.LocalStackSettings;

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
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "aws-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalStackSettings defaults = LocalStackSettings.defaults(dataDir);
        LocalAwsStack stack = LocalAwsStack.start(new LocalStackSettings(dataDir, defaults.host(), 0, 0, 0,
                defaults.accessKey(), defaults.secretKey(), defaults.region(), defaults.bucket(),
                defaults.incomingPrefix(), defaults.queue(), defaults.deadLetterQueue(), defaults.imageTable(),
                defaults.albumTable()));
        beforeService.run();
        // the default credential chain reads these system properties first
        System.setProperty("aws.accessKeyId", defaults.accessKey());
        System.setProperty("aws.secretAccessKey", defaults.secretKey());
        TestService service = TestService.start(Map.of(
                "imageproc.mode", "aws",
                "imageproc.aws.s3-endpoint", stack.s3Endpoint().toString(),
                "imageproc.aws.sqs-endpoint", stack.sqsEndpoint().toString(),
                "imageproc.aws.dynamodb-endpoint", stack.dynamoDbEndpoint().toString()));
        return new AwsModeService(stack, service);
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
