package org.imageproc.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.imageproc.aws.LocalStackSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Keys of the local S3 are opaque, as on AWS: every key S3 accepts is an object of its own, whatever it looks like. */
class OpaqueKeysIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Keys a filesystem would take for paths: each must stay an object of its own beside the others. */
    static final List<String> WEIRD_KEYS = List.of(
            "Incoming/victim.jpg", "Incoming/../Incoming/victim.jpg", "Thumbnails/../Incoming/victim.jpg",
            "k.jpg", "Incoming/../k.jpg", "Thumbnails/../k.jpg",
            "a", "a/", "a/b", "a//b", "a/./b", "./a", ".", "..", "../escape.txt", "a/../../x", "/", "//", "/a",
            "Incoming/" + "x".repeat(1000), keyOfBytes(1024),
            "Incoming/my photo.jpg", "Incoming/my  photo.jpg", "Incoming/a+b.jpg", "Incoming/100%.jpg",
            "Incoming/a%2Fb.jpg", "Incoming/a/b.jpg", "Incoming/日本語/写真 😀.jpg", "Incoming/Ａ.jpg",
            ".mpus-x", ".s3proxy-slash", ".s3proxy-versions", "Incoming/a.jpg-stub");

    @TempDir
    static Path dataDir;
    static LocalAwsStack stack;
    static S3Client s3;

    @BeforeAll
    static void start() {
        stack = StackClients.start(StackClients.onFreePorts(dataDir));
        s3 = StackClients.s3(stack);
    }

    @AfterAll
    static void stop() {
        s3.close();
        stack.close();
    }

    @Test
    void everyKeyIsStoredReadAndListedAsItsOwnObject() {
        String bucket = newBucket();
        assertThat(keyOfBytes(1024).getBytes(StandardCharsets.UTF_8)).hasSize(1024);
        for (int i = 0; i < WEIRD_KEYS.size(); i++) {
            put(bucket, WEIRD_KEYS.get(i), "object " + i);
        }

        for (int i = 0; i < WEIRD_KEYS.size(); i++) {
            String key = WEIRD_KEYS.get(i);
            assertThat(get(bucket, key)).as(key).isEqualTo("object " + i);
            assertThat(s3.headObject(request -> request.bucket(bucket).key(key)).contentLength()).as(key)
                    .isEqualTo(("object " + i).length());
        }
        assertThat(listAll(bucket)).containsExactlyElementsOf(inS3Order(WEIRD_KEYS));
    }

    @Test
    void aKeyOfMoreThan1024BytesIsRefusedAsS3RefusesIt() {
        String bucket = newBucket();
        String tooLong = keyOfBytes(1025);

        assertThatThrownBy(() -> put(bucket, tooLong, "x")).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("KeyTooLongError");
        });
        assertThat(listAll(bucket)).isEmpty();
    }

    @Test
    void noKeyReachesAnotherKeysDataOrAFileOutsideTheStore() throws IOException {
        String bucket = newBucket();
        put(bucket, "Incoming/victim.jpg", "the victim's photo");
        put(bucket, "k.jpg", "k");

        put(bucket, "Incoming/../Incoming/victim.jpg", "attacker");
        put(bucket, "Thumbnails/../Incoming/victim.jpg", "thumbnail");
        s3.copyObject(request -> request.sourceBucket(bucket).sourceKey("k.jpg")
                .destinationBucket(bucket).destinationKey("Incoming/./victim.jpg"));
        s3.deleteObject(request -> request.bucket(bucket).key("Incoming//victim.jpg"));
        s3.deleteObjects(request -> request.bucket(bucket).delete(delete -> delete.objects(
                ObjectIdentifier.builder().key("Thumbnails/../k.jpg").build(),
                ObjectIdentifier.builder().key("./k.jpg").build())));
        put(bucket, "Incoming/../../escape-" + bucket, "out");
        put(bucket, "../" + bucket + "-sibling/x", "out");

        assertThat(get(bucket, "Incoming/victim.jpg")).isEqualTo("the victim's photo");
        assertThat(get(bucket, "k.jpg")).isEqualTo("k");
        assertThat(get(bucket, "Incoming/./victim.jpg")).isEqualTo("k");
        assertThat(listAll(bucket)).containsExactlyElementsOf(inS3Order(List.of("Incoming/victim.jpg", "k.jpg",
                "Incoming/../Incoming/victim.jpg", "Thumbnails/../Incoming/victim.jpg", "Incoming/./victim.jpg",
                "Incoming/../../escape-" + bucket, "../" + bucket + "-sibling/x")));
        assertThat(s3.listBuckets().buckets()).noneMatch(b -> b.name().startsWith(bucket + "-"));
        assertThat(dataDir.getParent().resolve("escape-" + bucket)).doesNotExist();
        try (Stream<Path> files = Files.walk(dataDir)) {
            assertThat(files).noneMatch(file -> file.getFileName().toString().contains(bucket + "-"));
        }
    }

    @Test
    void prefixAndDelimiterGiveS3sCommonPrefixes() {
        String bucket = newBucket();
        for (String key : List.of("dir/a", "dir/b/c", "dir/b/d", "dir//e", "dir/./f", "dir/../g", "dir/", "dirx",
                "other/h", "dir/ü/i")) {
            put(bucket, key, key);
        }

        ListObjectsV2Response page = s3.listObjectsV2(request -> request.bucket(bucket).prefix("dir/").delimiter("/"));

        assertThat(page.contents()).extracting(S3Object::key).containsExactly("dir/", "dir/a");
        assertThat(page.commonPrefixes()).extracting(CommonPrefix::prefix)
                .containsExactly("dir/../", "dir/./", "dir//", "dir/b/", "dir/ü/");
        assertThat(page.isTruncated()).isFalse();

        ListObjectsV2Response top = s3.listObjectsV2(request -> request.bucket(bucket).delimiter("/"));
        assertThat(top.contents()).extracting(S3Object::key).containsExactly("dirx");
        assertThat(top.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("dir/", "other/");

        ListObjectsV2Response byB = s3.listObjectsV2(request -> request.bucket(bucket).prefix("dir").delimiter("b"));
        assertThat(byB.contents()).extracting(S3Object::key)
                .containsExactly("dir/", "dir/../g", "dir/./f", "dir//e", "dir/a", "dir/ü/i", "dirx");
        assertThat(byB.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("dir/b");

        // a prefix of a whole number of the store's 64-byte levels, and prefixes longer than any key
        String level = "x".repeat(64);
        for (String key : List.of(level, level + "/a", "x".repeat(63), "x".repeat(65))) {
            put(bucket, key, key);
        }
        assertThat(s3.listObjectsV2(request -> request.bucket(bucket).prefix(level)).contents())
                .extracting(S3Object::key).containsExactly(level, level + "/a", "x".repeat(65));
        assertThat(s3.listObjectsV2(request -> request.bucket(bucket).prefix(keyOfBytes(1025))).contents()).isEmpty();
    }

    @Test
    void maxKeysTwoWalksEveryKeyInUtf8OrderInBothListingVersions() {
        String bucket = newBucket();
        List<String> keys = List.of("Incoming/Ａ.jpg", "Incoming/😀.jpg", "Incoming/b", "Incoming/a/1", "Incoming/a/2",
                "Incoming/a/3", "Incoming/a+b", "Incoming/a b", "Incoming/../x", "Z", "a");
        keys.forEach(key -> put(bucket, key, key));

        List<String> v2 = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String current = token;
            ListObjectsV2Response page = s3.listObjectsV2(request -> request.bucket(bucket).maxKeys(2)
                    .continuationToken(current));
            assertThat(page.contents()).hasSizeLessThanOrEqualTo(2);
            page.contents().forEach(object -> v2.add(object.key()));
            token = page.nextContinuationToken();
            assertThat(page.isTruncated()).isEqualTo(token != null);
            pages++;
        } while (token != null);
        assertThat(v2).containsExactlyElementsOf(inS3Order(keys));
        assertThat(pages).isEqualTo(6);

        List<String> v1 = new ArrayList<>();
        String marker = null;
        ListObjectsResponse page;
        do {
            String current = marker;
            page = s3.listObjects(request -> request.bucket(bucket).maxKeys(2).marker(current));
            page.contents().forEach(object -> v1.add(object.key()));
            marker = page.contents().isEmpty() ? null : page.contents().get(page.contents().size() - 1).key();
        } while (page.isTruncated());
        assertThat(v1).containsExactlyElementsOf(inS3Order(keys));

        List<String> entries = new ArrayList<>();
        token = null;
        do {
            String current = token;
            ListObjectsV2Response delimited = s3.listObjectsV2(request -> request.bucket(bucket).prefix("Incoming/")
                    .delimiter("/").maxKeys(2).continuationToken(current));
            delimited.commonPrefixes().forEach(prefix -> entries.add(prefix.prefix()));
            delimited.contents().forEach(object -> entries.add(object.key()));
            token = delimited.nextContinuationToken();
        } while (token != null);
        assertThat(entries).containsExactlyInAnyOrder("Incoming/../", "Incoming/a b", "Incoming/a+b",
                "Incoming/a/", "Incoming/b", "Incoming/Ａ.jpg", "Incoming/😀.jpg");

        ListObjectsV2Response after = s3.listObjectsV2(request -> request.bucket(bucket).startAfter("Incoming/a/1"));
        assertThat(after.contents()).extracting(S3Object::key).containsExactlyElementsOf(
                inS3Order(keys).subList(inS3Order(keys).indexOf("Incoming/a/1") + 1, keys.size()));
    }

    @Test
    void multipartUploadsCopiesAndAclsKeepTheKeyExact() {
        String bucket = newBucket();
        String key = "Incoming/../Incoming/big é.jpg";
        put(bucket, "Incoming/big é.jpg", "another user's");
        byte[] first = new byte[5 * 1024 * 1024];
        Arrays.fill(first, (byte) 'a');
        String uploadId = s3.createMultipartUpload(request -> request.bucket(bucket).key(key)).uploadId();
        String abandoned = s3.createMultipartUpload(request -> request.bucket(bucket).key("a/./b")).uploadId();
        String etag1 = s3.uploadPart(request -> request.bucket(bucket).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(first)).eTag();
        String etag2 = s3.uploadPart(request -> request.bucket(bucket).key(key).uploadId(uploadId).partNumber(2),
                RequestBody.fromString("end")).eTag();
        s3.uploadPart(request -> request.bucket(bucket).key("a/./b").uploadId(abandoned).partNumber(1),
                RequestBody.fromString("never completed"));

        assertThat(s3.listMultipartUploads(request -> request.bucket(bucket)).uploads())
                .extracting(upload -> upload.key() + " " + upload.uploadId())
                .containsExactlyInAnyOrder(key + " " + uploadId, "a/./b " + abandoned);
        assertThat(s3.listParts(request -> request.bucket(bucket).key(key).uploadId(uploadId)).parts())
                .extracting(part -> part.partNumber() + " " + part.size())
                .containsExactly("1 " + first.length, "2 3");
        s3.completeMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(upload -> upload.parts(
                        CompletedPart.builder().partNumber(1).eTag(etag1).build(),
                        CompletedPart.builder().partNumber(2).eTag(etag2).build())));
        s3.abortMultipartUpload(request -> request.bucket(bucket).key("a/./b").uploadId(abandoned));

        assertThat(s3.headObject(request -> request.bucket(bucket).key(key)).contentLength())
                .isEqualTo(first.length + 3L);
        assertThat(get(bucket, "Incoming/big é.jpg")).isEqualTo("another user's");
        assertThat(s3.listMultipartUploads(request -> request.bucket(bucket)).uploads()).isEmpty();

        s3.copyObject(request -> request.sourceBucket(bucket).sourceKey("Incoming/big é.jpg")
                .destinationBucket(bucket).destinationKey("Thumbnails/../Incoming/big é.jpg"));
        s3.putObjectAcl(request -> request.bucket(bucket).key("Thumbnails/../Incoming/big é.jpg")
                .acl(ObjectCannedACL.PUBLIC_READ));

        assertThat(get(bucket, "Thumbnails/../Incoming/big é.jpg")).isEqualTo("another user's");
        assertThat(s3.getObjectAcl(request -> request.bucket(bucket).key("Thumbnails/../Incoming/big é.jpg"))
                .grants()).anyMatch(grant -> grant.permission() == Permission.READ && grant.grantee().uri() != null);
        assertThat(s3.getObjectAcl(request -> request.bucket(bucket).key("Incoming/big é.jpg")).grants())
                .noneMatch(grant -> grant.grantee().uri() != null);
        assertThat(listAll(bucket)).containsExactlyElementsOf(inS3Order(List.of("Incoming/big é.jpg", key,
                "Thumbnails/../Incoming/big é.jpg")));
    }

    @Test
    void conditionalWritesAndDeletesAreJudgedAgainstTheKeyItself() {
        String bucket = newBucket();
        String key = "Thumbnails/../Incoming/c.jpg";
        String neighbour = put(bucket, "Incoming/c.jpg", "neighbour");
        String stale = put(bucket, key, "first");
        String current = put(bucket, key, "second");

        assertThat(statusOf(() -> s3.putObject(request -> request.bucket(bucket).key(key).ifMatch(stale),
                RequestBody.fromString("third")))).isEqualTo(412);
        assertThat(statusOf(() -> s3.putObject(request -> request.bucket(bucket).key(key).ifNoneMatch("*"),
                RequestBody.fromString("third")))).isEqualTo(412);
        assertThat(statusOf(() -> s3.deleteObject(request -> request.bucket(bucket).key(key).ifMatch(stale))))
                .isEqualTo(412);
        assertThat(statusOf(() -> s3.putObject(request -> request.bucket(bucket).key(key).ifMatch(neighbour),
                RequestBody.fromString("third")))).isEqualTo(412);
        assertThat(get(bucket, key)).isEqualTo("second");

        s3.putObject(request -> request.bucket(bucket).key("Thumbnails/../Incoming/new.jpg").ifNoneMatch("*"),
                RequestBody.fromString("new"));
        String replaced = s3.putObject(request -> request.bucket(bucket).key(key).ifMatch(current),
                RequestBody.fromString("third")).eTag();
        s3.deleteObject(request -> request.bucket(bucket).key(key).ifMatch(replaced));

        assertThat(listAll(bucket)).containsExactly("Incoming/c.jpg", "Thumbnails/../Incoming/new.jpg");
        assertThat(get(bucket, "Incoming/c.jpg")).isEqualTo("neighbour");
    }

    @Test
    void aBrowserPostUploadStoresTheFormsKeyExactly() throws Exception {
        String bucket = newBucket();
        String key = "Incoming/../Incoming/posted é.jpg";
        put(bucket, "Incoming/posted é.jpg", "another user's");

        HttpResponse<String> response = postForm(bucket, key, "posted bytes");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(get(bucket, key)).isEqualTo("posted bytes");
        assertThat(get(bucket, "Incoming/posted é.jpg")).isEqualTo("another user's");
        assertThat(listAll(bucket)).containsExactlyElementsOf(inS3Order(List.of(key, "Incoming/posted é.jpg")));
    }

    /** A key of exactly that many UTF-8 bytes, made mostly of multi-byte characters. */
    static String keyOfBytes(int bytes) {
        StringBuilder key = new StringBuilder("Incoming/é€😀/");
        while (utf8Length(key) + 3 <= bytes) {
            key.append('€');
        }
        while (utf8Length(key) < bytes) {
            key.append('a');
        }
        return key.toString();
    }

    /** S3 lists keys in the binary order of their UTF-8 bytes. */
    static List<String> inS3Order(List<String> keys) {
        return keys.stream().sorted(Comparator.comparing(key -> key.getBytes(StandardCharsets.UTF_8),
                Arrays::compareUnsigned)).toList();
    }

    static List<String> listAll(S3Client client, String bucket) {
        return client.listObjectsV2Paginator(request -> request.bucket(bucket)).contents().stream()
                .map(S3Object::key).toList();
    }

    private static List<String> listAll(String bucket) {
        return listAll(s3, bucket);
    }

    private static int utf8Length(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    private static String newBucket() {
        String bucket = "keys-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(request -> request.bucket(bucket));
        return bucket;
    }

    private static String put(String bucket, String key, String content) {
        return s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromString(content)).eTag();
    }

    private static String get(String bucket, String key) {
        return s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asUtf8String();
    }

    private static int statusOf(Runnable request) {
        try {
            request.run();
            return 200;
        } catch (S3Exception e) {
            return e.statusCode();
        }
    }

    /** A form POST as a browser sends it, with a policy signed the way S3's signature version 2 signs one. */
    private static HttpResponse<String> postForm(String bucket, String key, String content) throws Exception {
        LocalStackSettings settings = stack.settings();
        Map<String, Object> document = Map.of(
                "expiration", Instant.now().plus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString(),
                "conditions", List.of(Map.of("bucket", bucket), Map.of("key", key)));
        String policy = Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(document));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(settings.secretKey().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(policy.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key);
        fields.put("AWSAccessKeyId", settings.accessKey());
        fields.put("policy", policy);
        fields.put("signature", signature);

        String boundary = "----form" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n")
                .append("Content-Type: image/jpeg\r\n\r\n").append(content).append("\r\n")
                .append("--").append(boundary).append("--\r\n");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.s3Endpoint() + "/" + bucket))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
