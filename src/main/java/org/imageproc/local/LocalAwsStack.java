package org.imageproc.local;

import java.net.URI;

/** STUB until the local stack lands. */
public final class LocalAwsStack implements AutoCloseable {
    public static LocalAwsStack start(LocalStackSettings s) { throw new UnsupportedOperationException(); }
    public LocalStackSettings settings() { return null; }
    public URI s3Endpoint() { return null; }
    public URI sqsEndpoint() { return null; }
    public URI dynamoDbEndpoint() { return null; }
    public String queueUrl() { return null; }
    public void close() { }
}
