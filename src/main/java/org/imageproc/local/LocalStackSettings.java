package org.imageproc.local;

import java.nio.file.Path;

/** STUB until the local stack lands. */
public record LocalStackSettings(Path dataDir, String host, int s3Port, int sqsPort, int dynamoDbPort, String accessKey,
        String secretKey, String region, String bucket, String incomingPrefix, String queue, String deadLetterQueue,
        String imageTable, String albumTable) {
}
