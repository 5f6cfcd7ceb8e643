package org.imageproc.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Moves what an earlier version stored with each key as a file path ({@code <data-dir>/s3/<bucket>/<key>}) into the
 * layout of {@link StoredKeys}, once, at startup. Object files are renamed, so their bytes, ETag, metadata and
 * permissions stay as they were; a key that ended in '/' (a directory there) is written anew with its metadata.
 */
final class LegacyS3Layout {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyS3Layout.class);
    /** How the filesystem store names the parts of an unfinished multipart upload: .mpus-(upload id)-(key)-(n|stub). */
    private static final String PART_PREFIX = ".mpus-";
    private static final int UPLOAD_ID_LENGTH = 36;

    private LegacyS3Layout() {
    }

    /** Moves every object under the legacy root into the store at root; returns how many it moved. */
    static int migrate(Path legacyRoot, Path root, BlobStore store) throws IOException {
        if (!Files.isDirectory(legacyRoot)) {
            return 0;
        }
        FilesystemNio2BlobStore legacy = new FilesystemNio2BlobStore(legacyRoot.toString());
        int objects = 0;
        int parts = 0;
        for (Bucket bucket : legacy.list().buckets()) {
            String name = bucket.name();
            if (!store.containerExists(name)) {
                store.createContainer(name);
                store.setContainerAccess(name, legacy.getContainerAccess(name));
            }
            objects += moveObjects(legacy, name, legacyRoot.resolve(name), root.resolve(name), store);
            parts += moveUnfinishedUploads(legacyRoot.resolve(name), root.resolve(name));
        }
        int left = removeEmptyDirectories(legacyRoot);
        LOG.info("Moved {} objects (and {} parts of unfinished multipart uploads) from {} into {}, where every S3 key"
                + " is an object of its own", objects, parts, legacyRoot, root);
        if (left > 0) {
            LOG.warn("{} files under {} stand for no object and were left there; nothing reads them any more", left,
                    legacyRoot);
        }
        return objects;
    }

    private static int moveObjects(FilesystemNio2BlobStore legacy, String bucket, Path from, Path to, BlobStore store)
            throws IOException {
        List<String> keys = new ArrayList<>();
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).build();
        ListObjectsV2Response page;
        do {
            page = legacy.list(request);
            page.contents().stream().map(S3Object::key).forEach(keys::add);
            request = request.toBuilder().continuationToken(page.nextContinuationToken()).build();
        } while (page.nextContinuationToken() != null);
        // the store keeps the key "/" where its listings never show it
        if (legacy.blobMetadataIfPresent(bucket, "/") != null) {
            keys.add("/");
        }
        int moved = 0;
        for (String key : keys) {
            try {
                if (key.endsWith("/")) {
                    rewriteFolder(legacy, bucket, key, store);
                    moved++;
                } else if (move(from.resolve(key), to.resolve(StoredKeys.name(key)))) {
                    moved++;
                }
            } catch (RuntimeException e) {
                LOG.warn("s3://{}/{} stays under {}: {}", bucket, key, from, e.getMessage());
            }
        }
        return moved;
    }

    private static void rewriteFolder(FilesystemNio2BlobStore legacy, String bucket, String key, BlobStore store) {
        HeadObjectResponse head = legacy.blobMetadata(bucket, key);
        store.putBlob(PutObjectRequest.builder().bucket(bucket).key(key).contentLength(0L)
                .contentType(head.contentType()).cacheControl(head.cacheControl())
                .contentDisposition(head.contentDisposition()).contentEncoding(head.contentEncoding())
                .contentLanguage(head.contentLanguage()).expires(head.expires()).metadata(head.metadata()).build(),
                InputStream.nullInputStream());
        store.setBlobAccess(bucket, key, legacy.getBlobAccess(bucket, key));
        legacy.removeBlob(bucket, key);
    }

    /** Parts are named after their upload's key, so they move to the names the store now gives that key's parts. */
    private static int moveUnfinishedUploads(Path from, Path to) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> uploads = Files.newDirectoryStream(from, PART_PREFIX + "*")) {
            for (Path upload : uploads) {
                try (Stream<Path> walk = Files.walk(upload)) {
                    walk.filter(Files::isRegularFile).forEach(files::add);
                }
            }
        }
        int moved = 0;
        int keyStart = PART_PREFIX.length() + UPLOAD_ID_LENGTH + 1;
        for (Path file : files) {
            String name = from.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            int suffix = name.lastIndexOf('-');
            try {
                if (suffix > keyStart && move(file, to.resolve(name.substring(0, keyStart)
                        + StoredKeys.name(name.substring(keyStart, suffix)) + name.substring(suffix)))) {
                    moved++;
                }
            } catch (RuntimeException e) {
                LOG.warn("{} stays where it is: {}", file, e.getMessage());
            }
        }
        return moved;
    }

    private static boolean move(Path file, Path target) throws IOException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            LOG.warn("{} stays where it is: {} is taken", file, target);
            return false;
        }
        Files.createDirectories(target.getParent());
        Files.move(file, target);
        return true;
    }

    /** Deletes the directories left empty, the root too; returns how many files remain. */
    private static int removeEmptyDirectories(Path root) throws IOException {
        int[] files = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                files[0]++;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                try {
                    Files.delete(directory);
                } catch (DirectoryNotEmptyException e) {
                    // holds a file that is left behind
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files[0];
    }
}
