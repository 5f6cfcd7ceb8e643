package org.imageproc.aws;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The seam local mode plugs in through: AWS-compatible servers this process started and owns, seen as endpoints. The
 * service talks to them with the same clients as to AWS; nothing else of the local stack reaches the product.
 */
public interface LocalStack extends AutoCloseable {

    URI s3Endpoint();

    URI sqsEndpoint();

    URI dynamoDbEndpoint();

    /** The local DetectLabels endpoint, when this stack runs one. */
    Optional<URI> rekognitionEndpoint();

    /**
     * How to use the stack, as the startup summary shows it, in order: a short label (S3, SQS, Credentials...) and a
     * line for each (the endpoint and what it holds, the data directory, the credentials).
     */
    Map<String, String> summary();

    /** Why a local server is away while it is being restarted; empty while all of them run. */
    Optional<String> outage();

    /** From now on uploads under the incoming prefix are refused (503 SlowDown): none is acknowledged unprocessed. */
    void stopTakingUploads();

    /** Stops the servers, uploads first, and frees the data directory. */
    @Override
    void close();
}
