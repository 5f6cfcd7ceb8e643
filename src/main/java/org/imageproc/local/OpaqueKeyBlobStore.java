package org.imageproc.local;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAclRequest;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * s3proxy blob store decorator that makes keys opaque, as they are on AWS, over the filesystem store: every key is
 * handed down under its {@link StoredKeys} name, whose path no other key shares, and handed back as it came.
 * Conditional writes keep working, as s3proxy looks through decorators for the filesystem store beneath.
 * <p>
 * s3proxy reads a multipart upload's parts back under the store's own names (".mpus-...") to recompute its checksum;
 * here those are keys like any other and are not found, so it takes the part checksums the client sent, which each
 * part's upload already verified. Translating those names would let a chosen key read another upload's parts.
 */
final class OpaqueKeyBlobStore extends ForwardingBlobStore {

    OpaqueKeyBlobStore(BlobStore filesystem) {
        super(filesystem);
    }

    /**
     * Lists by reading every stored name under the prefix and applying S3's rules to the decoded keys. Each page reads
     * the prefix's whole subtree (names, sizes and ETag attributes) and sorts it in memory: O(n log n) for n keys,
     * so paging through a bucket costs n²/max-keys reads. Fine for a development store of thousands of objects; one
     * of millions would keep a sorted index.
     */
    @Override
    public ListObjectsV2Response list(ListObjectsV2Request request) {
        Optional<String> namePrefix = StoredKeys.namePrefix(request.prefix());
        if (namePrefix.isEmpty()) {
            // no key is as long as this prefix, but the bucket must exist all the same
            headBucket(HeadBucketRequest.builder().bucket(request.bucket()).build());
            return KeyListing.page(List.of(), request);
        }
        List<S3Object> objects = new ArrayList<>();
        ListObjectsV2Request stored = ListObjectsV2Request.builder().bucket(request.bucket())
                .prefix(namePrefix.get().isEmpty() ? null : namePrefix.get()).build();
        String token = null;
        do {
            ListObjectsV2Response page = super.list(stored.toBuilder().continuationToken(token).build());
            for (S3Object object : page.contents()) {
                // names the store holds beside the objects (unfinished temporary files) stand for no key
                StoredKeys.key(object.key()).ifPresent(key -> objects.add(object.toBuilder().key(key).build()));
            }
            token = page.nextContinuationToken();
        } while (token != null);
        return KeyListing.page(objects, request);
    }

    @Override
    public void clearContainer(ListObjectsV2Request request) {
        ListObjectsV2Response page;
        ListObjectsV2Request next = request;
        do {
            page = list(next);
            page.contents().forEach(object -> removeBlob(request.bucket(), object.key()));
            next = request.toBuilder().continuationToken(page.nextContinuationToken()).build();
        } while (page.nextContinuationToken() != null);
    }

    @Override
    public boolean blobExists(String container, String name) {
        return super.blobExists(container, StoredKeys.name(name));
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream payload) {
        return super.putBlob(request.toBuilder().key(StoredKeys.name(request.key())).build(), payload);
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        return super.copyBlob(request.toBuilder().sourceKey(StoredKeys.name(request.sourceKey()))
                .destinationKey(StoredKeys.name(request.destinationKey())).build());
    }

    @Override
    public HeadObjectResponse blobMetadata(HeadObjectRequest request) {
        return super.blobMetadata(request.toBuilder().key(StoredKeys.name(request.key())).build());
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
        return super.getBlob(request.toBuilder().key(StoredKeys.name(request.key())).build());
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        return super.removeBlob(request.toBuilder().key(StoredKeys.name(request.key())).build());
    }

    /** The filesystem store keeps no versions; the transient one would, under names this class does not decode. */
    @Override
    public boolean supportsVersioning() {
        return false;
    }

    @Override
    public ListObjectVersionsResponse listVersions(ListObjectVersionsRequest request) {
        throw new UnsupportedOperationException("versioning not supported");
    }

    @Override
    public ObjectCannedACL getBlobAccess(String container, String name) {
        return super.getBlobAccess(container, StoredKeys.name(name));
    }

    @Override
    public ObjectCannedACL getBlobAccess(String container, String name, @Nullable String versionId) {
        return super.getBlobAccess(container, StoredKeys.name(name), versionId);
    }

    @Override
    public GetObjectAclResponse getBlobAcl(GetObjectAclRequest request) {
        return super.getBlobAcl(request.toBuilder().key(StoredKeys.name(request.key())).build());
    }

    @Override
    public void setBlobAccess(String container, String name, ObjectCannedACL access) {
        super.setBlobAccess(container, StoredKeys.name(name), access);
    }

    @Override
    public void setBlobAccess(String container, String name, ObjectCannedACL access, @Nullable String versionId) {
        super.setBlobAccess(container, StoredKeys.name(name), access, versionId);
    }

    @Override
    public MultipartUpload initiateMultipartUpload(CreateMultipartUploadRequest request) {
        MultipartUpload upload = super.initiateMultipartUpload(
                request.toBuilder().key(StoredKeys.name(request.key())).build());
        return new MultipartUpload(upload.id(), request,
                upload.response() == null ? null : upload.response().toBuilder().key(request.key()).build());
    }

    @Override
    public void abortMultipartUpload(MultipartUpload upload) {
        super.abortMultipartUpload(stored(upload));
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
            CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(stored(upload),
                request.toBuilder().key(StoredKeys.name(upload.blobName())).build());
        return response.key() == null ? response : response.toBuilder().key(upload.blobName()).build();
    }

    @Override
    public UploadPartResponse uploadMultipartPart(MultipartUpload upload, UploadPartRequest request,
            InputStream payload) {
        return super.uploadMultipartPart(stored(upload),
                request.toBuilder().key(StoredKeys.name(upload.blobName())).build(), payload);
    }

    @Override
    public List<Part> listMultipartUpload(MultipartUpload upload) {
        return super.listMultipartUpload(stored(upload));
    }

    @Override
    public List<software.amazon.awssdk.services.s3.model.MultipartUpload> listMultipartUploads(String container) {
        List<software.amazon.awssdk.services.s3.model.MultipartUpload> uploads = new ArrayList<>();
        for (var upload : super.listMultipartUploads(container)) {
            StoredKeys.key(upload.key()).ifPresent(key -> uploads.add(upload.toBuilder().key(key).build()));
        }
        return uploads;
    }

    /** The upload as the store knows it; the store names its parts after the upload's key. */
    private static MultipartUpload stored(MultipartUpload upload) {
        String name = StoredKeys.name(upload.blobName());
        return new MultipartUpload(upload.id(), upload.request().toBuilder().key(name).build(),
                upload.response() == null ? null : upload.response().toBuilder().key(name).build());
    }
}
