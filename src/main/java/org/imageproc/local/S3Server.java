package org.imageproc.local;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.imageproc.aws.LocalStackSettings;

/** s3proxy on the loopback interface, keeping objects as files under the data directory and announcing uploads. */
final class S3Server implements AutoCloseable {

    /** Under the data directory: one directory a bucket, one file an object, named by {@link StoredKeys}. */
    static final String OBJECTS_DIR = "s3-objects";
    /** Where versions before opaque keys kept objects, at their keys' paths; moved into OBJECTS_DIR at startup. */
    static final String LEGACY_OBJECTS_DIR = "s3";

    // browsers upload with signed POST forms (the web app) or presigned PUTs, and read through presigned GETs, from
    // any page the developer serves
    private static final CrossOriginResourceSharing CORS = new CrossOriginResourceSharing(
            List.of("*"), List.of("GET", "PUT", "HEAD", "POST"), List.of("*"), List.of("ETag"), "false");

    private final S3Proxy proxy;
    private final NotifyingBlobStore store;

    private S3Server(S3Proxy proxy, NotifyingBlobStore store) {
        this.proxy = proxy;
        this.store = store;
    }

    static S3Server start(LocalStackSettings settings) throws Exception {
        Path root = Files.createDirectories(settings.dataDir().resolve(OBJECTS_DIR)).toAbsolutePath();
        OpaqueKeyBlobStore keys = new OpaqueKeyBlobStore(new FilesystemNio2BlobStore(root.toString()));
        // moved before any client can write, and not announced: they were when they were uploaded
        LegacyS3Layout.migrate(settings.dataDir().resolve(LEGACY_OBJECTS_DIR).toAbsolutePath(), root, keys);
        NotifyingBlobStore store = new NotifyingBlobStore(keys);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://" + settings.host() + ":" + settings.s3Port()))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, settings.accessKey(), settings.secretKey())
                .corsRules(CORS)
                .build();
        EncodedSlashes.install(proxy);
        proxy.start();
        return new S3Server(proxy, store);
    }

    int port() {
        return proxy.getPort();
    }

    void ensureBucket(String bucket) {
        if (!store.containerExists(bucket)) {
            store.createContainer(bucket);
        }
    }

    void notifyTo(Notification notification) {
        store.notifyTo(notification);
    }

    /** Uploads that would be announced are answered 503 SlowDown from now on. */
    void stopTakingUploads() {
        store.stopTakingUploads();
    }

    @Override
    public void close() throws Exception {
        try {
            proxy.stop();
        } finally {
            store.close();
        }
    }
}
