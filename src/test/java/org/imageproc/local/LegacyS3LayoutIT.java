package org.imageproc.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.imageproc.aws.LocalStackSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A data directory written by a version that kept objects at their keys' paths loses nothing on the first start. */
class LegacyS3LayoutIT {

    private static final String BUCKET = "photo-repo";
    private static final byte[] FIVE_MB = new byte[5 * 1024 * 1024];

    static {
        Arrays.fill(FIVE_MB, (byte) 'p');
    }

    @TempDir
    Path dataDir;

    @Test
    void objectsOfTheEarlierLayoutAreMovedWithTheirETagsMetadataAndAccess() throws Exception {
        LocalStackSettings settings = StackClients.onFreePorts(dataDir);
        Map<String, HeadObjectResponse> before = new LinkedHashMap<>();
        String unfinished;
        String part1;
        // what the earlier S3Server ran: s3proxy straight over the filesystem store, under <data-dir>/s3
        Path legacyRoot = Files.createDirectories(dataDir.resolve("s3"));
        S3Proxy earlier = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(legacyRoot.toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, settings.accessKey(), settings.secretKey())
                .build();
        earlier.start();
        try (S3Client s3 = LocalClients.s3(settings, URI.create("http://127.0.0.1:" + earlier.getPort()))) {
            s3.createBucket(request -> request.bucket(BUCKET));
            s3.putObject(request -> request.bucket(BUCKET).key("Incoming/kept.jpg").contentType("image/jpeg")
                    .metadata(Map.of("userid", "u1", "albumid", "a1")), RequestBody.fromString("kept"));
            s3.putObject(request -> request.bucket(BUCKET).key("Thumbnails/kept.jpg"), RequestBody.fromString("t"));
            s3.putObject(request -> request.bucket(BUCKET).key("Incoming/my photo+1 é.jpg"),
                    RequestBody.fromString("unicode"));
            s3.putObject(request -> request.bucket(BUCKET).key("public.jpg").acl(ObjectCannedACL.PUBLIC_READ),
                    RequestBody.fromString("public"));
            s3.putObject(request -> request.bucket(BUCKET).key("folder/").contentType("application/x-directory"),
                    RequestBody.empty());
            s3.putObject(request -> request.bucket(BUCKET).key("folder/inside.txt"), RequestBody.fromString("in"));
            String big = s3.createMultipartUpload(request -> request.bucket(BUCKET).key("Incoming/big.jpg")).uploadId();
            String big1 = s3.uploadPart(request -> request.bucket(BUCKET).key("Incoming/big.jpg").uploadId(big)
                    .partNumber(1), RequestBody.fromBytes(FIVE_MB)).eTag();
            String big2 = s3.uploadPart(request -> request.bucket(BUCKET).key("Incoming/big.jpg").uploadId(big)
                    .partNumber(2), RequestBody.fromString("end")).eTag();
            s3.completeMultipartUpload(request -> request.bucket(BUCKET).key("Incoming/big.jpg").uploadId(big)
                    .multipartUpload(upload -> upload.parts(CompletedPart.builder().partNumber(1).eTag(big1).build(),
                            CompletedPart.builder().partNumber(2).eTag(big2).build())));
            unfinished = s3.createMultipartUpload(request -> request.bucket(BUCKET).key("Incoming/later.jpg")
                    .contentType("image/jpeg")).uploadId();
            part1 = s3.uploadPart(request -> request.bucket(BUCKET).key("Incoming/later.jpg").uploadId(unfinished)
                    .partNumber(1), RequestBody.fromBytes(FIVE_MB)).eTag();
            for (String key : OpaqueKeysIT.listAll(s3, BUCKET)) {
                before.put(key, s3.headObject(request -> request.bucket(BUCKET).key(key)));
            }
        } finally {
            earlier.stop();
        }
        assertThat(before.keySet()).containsExactly("Incoming/big.jpg", "Incoming/kept.jpg",
                "Incoming/my photo+1 é.jpg", "Thumbnails/kept.jpg", "folder/", "folder/inside.txt", "public.jpg");
        assertThat(before.get("Incoming/big.jpg").eTag()).endsWith("-2\"");
        assertThat(before.get("folder/").eTag()).isNull();

        try (LocalAwsStack stack = StackClients.start(settings); S3Client s3 = StackClients.s3(stack);
                SqsClient sqs = StackClients.sqs(stack)) {
            assertThat(legacyRoot).doesNotExist();
            assertThat(OpaqueKeysIT.listAll(s3, BUCKET)).containsExactlyElementsOf(before.keySet());
            for (Map.Entry<String, HeadObjectResponse> object : before.entrySet()) {
                HeadObjectResponse now = s3.headObject(request -> request.bucket(BUCKET).key(object.getKey()));
                // the earlier layout answered no ETag for "folder/", a directory there; S3's is that of no bytes
                assertThat(now.eTag()).as(object.getKey()).isEqualTo(object.getKey().equals("folder/")
                        ? "\"d41d8cd98f00b204e9800998ecf8427e\"" : object.getValue().eTag());
                assertThat(now.contentLength()).as(object.getKey()).isEqualTo(object.getValue().contentLength());
                assertThat(now.contentType()).as(object.getKey()).isEqualTo(object.getValue().contentType());
                assertThat(now.metadata()).as(object.getKey()).isEqualTo(object.getValue().metadata());
            }
            assertThat(s3.headObject(request -> request.bucket(BUCKET).key("Incoming/kept.jpg")).metadata())
                    .containsEntry("userid", "u1");
            assertThat(s3.getObjectAsBytes(request -> request.bucket(BUCKET).key("Incoming/my photo+1 é.jpg"))
                    .asUtf8String()).isEqualTo("unicode");
            assertThat(s3.getObjectAsBytes(request -> request.bucket(BUCKET).key("Incoming/big.jpg")).asByteArray())
                    .hasSize(FIVE_MB.length + 3).endsWith("end".getBytes());
            assertThat(s3.getObjectAcl(request -> request.bucket(BUCKET).key("public.jpg")).grants())
                    .anyMatch(grant -> grant.permission() == Permission.READ && grant.grantee().uri() != null);
            // moving is not uploading: the move announces nothing, and the startup sweep announces each upload that
            // has no final item once (here every one: nothing processed them)
            List<String> announced = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                StackClients.drainRecords(sqs, stack.queueUrl())
                        .forEach(record -> announced.add(record.path("s3").path("object").path("key").asText()));
                assertThat(announced).containsExactlyInAnyOrder("Incoming/big.jpg", "Incoming/kept.jpg",
                        "Incoming/my+photo%2B1+%C3%A9.jpg");
            });

            assertThat(s3.listMultipartUploads(request -> request.bucket(BUCKET)).uploads())
                    .extracting(upload -> upload.key() + " " + upload.uploadId())
                    .containsExactly("Incoming/later.jpg " + unfinished);
            String part2 = s3.uploadPart(request -> request.bucket(BUCKET).key("Incoming/later.jpg")
                    .uploadId(unfinished).partNumber(2), RequestBody.fromString("!")).eTag();
            s3.completeMultipartUpload(request -> request.bucket(BUCKET).key("Incoming/later.jpg").uploadId(unfinished)
                    .multipartUpload(upload -> upload.parts(CompletedPart.builder().partNumber(1).eTag(part1).build(),
                            CompletedPart.builder().partNumber(2).eTag(part2).build())));
            HeadObjectResponse later = s3.headObject(request -> request.bucket(BUCKET).key("Incoming/later.jpg"));
            assertThat(later.contentLength()).isEqualTo(FIVE_MB.length + 1L);
            assertThat(later.contentType()).isEqualTo("image/jpeg");
        }

        try (LocalAwsStack stack = StackClients.start(settings); S3Client s3 = StackClients.s3(stack)) {
            assertThat(OpaqueKeysIT.listAll(s3, BUCKET)).containsExactlyElementsOf(
                    OpaqueKeysIT.inS3Order(List.of("Incoming/big.jpg", "Incoming/kept.jpg", "Incoming/later.jpg",
                            "Incoming/my photo+1 é.jpg", "Thumbnails/kept.jpg", "folder/", "folder/inside.txt",
                            "public.jpg")));
        }
    }
}
