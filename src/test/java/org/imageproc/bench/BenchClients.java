package org.imageproc.bench;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK clients for the embedded local stack, configured as a user's would be: test/test, us-east-1, path style. */
final class BenchClients {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private BenchClients() {
    }

    /** The clients of one stack on loopback ports, closed together. */
    record Stack(S3Client s3, DynamoDbClient dynamoDb, SqsClient sqs) implements AutoCloseable {

        static Stack onPorts(int s3Port, int sqsPort, int dynamoDbPort) {
            return new Stack(BenchClients.s3(loopback(s3Port)), BenchClients.dynamoDb(loopback(dynamoDbPort)),
                    BenchClients.sqs(loopback(sqsPort)));
        }

        @Override
        public void close() {
            s3.close();
            dynamoDb.close();
            sqs.close();
        }
    }

    static URI loopback(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    static S3Client s3(URI endpoint) {
        return S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    static DynamoDbClient dynamoDb(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    static SqsClient sqs(URI endpoint) {
        return SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder()).build();
    }
}
