package org.imageproc.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imageproc.aws.LocalStackSettings;
import org.imageproc.catalog.FinishedUploads;
import org.imageproc.catalog.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Test settings on free ports, and SDK clients that talk to a running local stack over the wire. */
public final class StackClients {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE_TABLE = "ImageMetadata";

    private StackClients() {
    }

    /** The documented local defaults: the usual emulator ports on 127.0.0.1 and the test/test credentials. */
    public static LocalStackSettings defaults(Path dataDir) {
        return new LocalStackSettings(dataDir, "127.0.0.1", 9000, 9324, 8000, "test", "test", "us-east-1",
                "photo-repo", "Incoming/", "image-events", "image-events-dlq",
                Tables.definitions(IMAGE_TABLE, "AlbumMetadata", "PhotoLabels", "Jobs"));
    }

    /** Starts a stack as local mode does, without the local Rekognition. */
    public static LocalAwsStack start(LocalStackSettings settings) {
        return start(settings, OptionalInt.empty());
    }

    /** Starts a stack as local mode does; its sweep reads the items of the default image table. */
    public static LocalAwsStack start(LocalStackSettings settings, OptionalInt rekognitionPort) {
        return LocalAwsStack.start(settings, rekognitionPort,
                new FinishedUploads(IMAGE_TABLE, settings.incomingPrefix())::finishedKeys);
    }

    static LocalStackSettings onFreePorts(Path dataDir) {
        return onPorts(dataDir, 0, 0, 0);
    }

    /** The default settings but for the data directory and the ports, where 0 picks a free one. */
    public static LocalStackSettings onPorts(Path dataDir, int s3Port, int sqsPort, int dynamoDbPort) {
        LocalStackSettings d = defaults(dataDir);
        return new LocalStackSettings(dataDir, d.host(), s3Port, sqsPort, dynamoDbPort, d.accessKey(), d.secretKey(),
                d.region(), d.bucket(), d.incomingPrefix(), d.queue(), d.deadLetterQueue(), d.tables());
    }

    static S3Client s3(LocalAwsStack stack) {
        return LocalClients.s3(stack.settings(), stack.s3Endpoint());
    }

    static SqsClient sqs(LocalAwsStack stack) {
        return LocalClients.sqs(stack.settings(), stack.sqsEndpoint());
    }

    static DynamoDbClient dynamoDb(LocalAwsStack stack) {
        return LocalClients.dynamoDb(stack.settings(), stack.dynamoDbEndpoint());
    }

    /** The S3 event records of every message now visible in the queue, which are deleted. */
    static List<JsonNode> drainRecords(SqsClient sqs, String queueUrl) throws JsonProcessingException {
        List<JsonNode> records = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
            for (Message message : batch) {
                JSON.readTree(message.body()).path("Records").forEach(records::add);
                sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return records;
    }
}
