package org.imageproc.testing;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Stands for S3 in route tests: objects in memory by key, GetObject and HeadObject honouring If-Match as S3 does
 * (412), and every GetObject request kept; the camel-aws2-s3 endpoint picks it up from the registry as its client.
 */
public final class FakeS3 implements S3Client {

    private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
    private final List<GetObjectRequest> gets = new CopyOnWriteArrayList<>();
    private final AtomicInteger bodiesToBreak = new AtomicInteger();

    /** An object as S3 keeps it; the ETag without quotes. */
    public record StoredObject(byte[] bytes, String eTag, Map<String, String> userMetadata, Instant lastModified) {
    }

    public void put(String key, byte[] bytes, String eTag, Map<String, String> userMetadata) {
        objects.put(key, new StoredObject(bytes, eTag, userMetadata, Instant.parse("2026-12-01T10:00:00Z")));
    }

    /** The next {@code count} GetObject bodies break off halfway, as a connection reset by the peer does. */
    public void breakOffNextBodies(int count) {
        bodiesToBreak.set(count);
    }

    /** The GetObject requests made, in order. */
    public List<GetObjectRequest> gets() {
        return List.copyOf(gets);
    }

    @Override
    public HeadBucketResponse headBucket(HeadBucketRequest request) {
        return HeadBucketResponse.builder().build();
    }

    @Override
    public <T> T getObject(GetObjectRequest request, ResponseTransformer<GetObjectResponse, T> transformer) {
        gets.add(request);
        StoredObject object = stored(request.key(), request.ifMatch());
        GetObjectResponse response = GetObjectResponse.builder().eTag("\"" + object.eTag() + "\"")
                .contentLength((long) object.bytes().length).metadata(object.userMetadata())
                .lastModified(object.lastModified()).build();
        try {
            InputStream body = new Body(object.bytes(), bodiesToBreak.getAndDecrement() > 0);
            return transformer.transform(response, AbortableInputStream.create(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public HeadObjectResponse headObject(HeadObjectRequest request) {
        StoredObject object = stored(request.key(), request.ifMatch());
        return HeadObjectResponse.builder().eTag("\"" + object.eTag() + "\"")
                .contentLength((long) object.bytes().length).build();
    }

    /** The object, or S3's 404, or its 412 when {@code ifMatch} names another ETag. */
    private StoredObject stored(String key, String ifMatch) {
        StoredObject object = objects.get(key);
        if (object == null) {
            throw (NoSuchKeyException) NoSuchKeyException.builder().statusCode(404)
                    .message("The specified key does not exist.").build();
        }
        if (ifMatch != null && !ifMatch.equals("\"" + object.eTag() + "\"")) {
            throw S3Exception.builder().statusCode(412)
                    .message("At least one of the pre-conditions you specified did not hold").build();
        }
        return object;
    }

    /**
     * An object's body as the SDK's HTTP client hands it over: once closed it refuses to be read, with the client's
     * own words; a broken one fails halfway.
     */
    private static final class Body extends FilterInputStream {

        private final int breakAt;
        private int position;
        private boolean closed;

        Body(byte[] bytes, boolean broken) {
            super(new ByteArrayInputStream(bytes));
            this.breakAt = broken ? bytes.length / 2 : Integer.MAX_VALUE;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (closed) {
                throw new IOException("Attempted read on closed stream.");
            }
            if (position >= breakAt) {
                throw new SocketException("Connection reset");
            }
            int read = super.read(buffer, offset, Math.min(length, breakAt - position));
            position += Math.max(0, read);
            return read;
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
