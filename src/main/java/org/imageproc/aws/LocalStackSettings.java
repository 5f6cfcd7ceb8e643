package org.imageproc.aws;

import java.nio.file.Path;
import java.util.List;

import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * Where the embedded AWS stack keeps its data, where it listens and what it provisions; a port of 0 picks a free one.
 */
public record LocalStackSettings(Path dataDir, String host, int s3Port, int sqsPort, int dynamoDbPort, String accessKey,
        String secretKey, String region, String bucket, String incomingPrefix, String queue, String deadLetterQueue,
        List<CreateTableRequest> tables) {

    /** Receives of one message before the queue moves it to the dead-letter queue (as aws/imageproc.yaml says). */
    public static final int MAX_RECEIVE_COUNT = 5;

    public LocalStackSettings {
        tables = List.copyOf(tables);
    }
}
