package org.imageproc.local;

import java.nio.file.Path;

/**
 * Where the embedded AWS stack keeps its data, where it listens and what it provisions; a port of 0 picks a free one.
 */
public record LocalStackSettings(Path dataDir, String host, int s3Port, int sqsPort, int dynamoDbPort, String accessKey,
        String secretKey, String region, String bucket, String incomingPrefix, String queue, String deadLetterQueue,
        String imageTable, String albumTable) {

    /** Receives of one message before the queue moves it to the dead-letter queue (aws/imageproc.yaml says the same). */
    public static final int MAX_RECEIVE_COUNT = 5;

    /** The documented local defaults: the usual emulator ports on 127.0.0.1 and the test/test credentials. */
    public static LocalStackSettings defaults(Path dataDir) {
        return new LocalStackSettings(dataDir, "127.0.0.1", 9000, 9324, 8000, "test", "test", "us-east-1",
                "photo-repo", "Incoming/", "image-events", "image-events-dlq", "ImageMetadata", "AlbumMetadata");
    }
}
