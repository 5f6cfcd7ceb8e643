package org.imageproc.aws;

import java.nio.file.Path;
import java.util.List;

import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * Where the embedded AWS stack keeps its data, where it listens and what it provisions; a port of 0 picks a free one.
 * {@code detectorThreads}: the threads its local label detector runs each image on.
 */
public record LocalStackSettings(Path dataDir, String host, int s3Port, int sqsPort, int dynamoDbPort, String accessKey,
        String secretKey, String region, String bucket, String incomingPrefix, String queue, String deadLetterQueue,
        List<CreateTableRequest> tables, int detectorThreads) {

    /** Receives of one message before the queue moves it to the dead-letter queue (as aws/imageproc.yaml says). */
    public static final int MAX_RECEIVE_COUNT = 5;

    public LocalStackSettings {
        tables = List.copyOf(tables);
    }

    /** With a detector thread per core. */
    public LocalStackSettings(Path dataDir, String host, int s3Port, int sqsPort, int dynamoDbPort, String accessKey,
            String secretKey, String region, String bucket, String incomingPrefix, String queue, String deadLetterQueue,
            List<CreateTableRequest> tables) {
        this(dataDir, host, s3Port, sqsPort, dynamoDbPort, accessKey, secretKey, region, bucket, incomingPrefix, queue,
                deadLetterQueue, tables, Runtime.getRuntime().availableProcessors());
    }
}
