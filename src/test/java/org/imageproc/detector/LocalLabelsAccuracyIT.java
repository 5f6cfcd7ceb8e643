package org.imageproc.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.imageproc.TestService;
import org.imageproc.testing.LabelPhotos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The accuracy bar, end to end in local mode at the service's default settings (MaxLabels 10, MinConfidence
 * 60): the nine labelled photos go through S3, the queue and the pipeline, and the object labels stored on each item
 * (labels with boxes; parents such as Animal are derived from them) must include every "must" object, while objects
 * that are neither "must" nor "also" may show up on at most two photos.
 */
@Tag("detector")
class LocalLabelsAccuracyIT {

    private static TestService service;

    @BeforeAll
    static void start() {
        LabelPhotos.assumePresent();
        service = TestService.startWithLocalDetector(Map.of());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void findsEveryMainSubjectWithFewWrongObjects() {
        List<LabelPhotos.Expected> photos = LabelPhotos.expected();
        assertThat(photos).hasSize(9);
        photos.forEach(photo -> service.s3().putObject(r -> r.bucket(TestService.BUCKET).key("Incoming/" + photo.file()),
                RequestBody.fromBytes(photo.bytes())));

        Taxonomy taxonomy = Taxonomy.load();
        Map<String, List<String>> wrongByPhoto = new LinkedHashMap<>();
        List<String> missed = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (LabelPhotos.Expected photo : photos) {
            Map<String, AttributeValue> item = awaitSucceeded(photo.file());
            assertThat(item.get("labelModelVersion").s()).startsWith("nanodet-g-416");
            List<String> objects = item.get("labels").l().stream().map(AttributeValue::m)
                    .filter(label -> !label.get("instances").l().isEmpty())
                    .map(label -> label.get("name").s()).toList();
            Set<String> allowed = new HashSet<>();
            photo.must().forEach(c -> allowed.add(taxonomy.forClass(c).name()));
            photo.also().forEach(c -> allowed.add(taxonomy.forClass(c).name()));
            photo.must().stream().map(c -> taxonomy.forClass(c).name()).filter(name -> !objects.contains(name))
                    .forEach(name -> missed.add(photo.file() + ": " + name));
            List<String> wrong = objects.stream().filter(name -> !allowed.contains(name)).toList();
            if (!wrong.isEmpty()) {
                wrongByPhoto.put(photo.file(), wrong);
            }
            assertThat(item.get("tags").l()).extracting(AttributeValue::s).containsAll(objects);
            report.append(photo.file()).append(": ").append(objects).append('\n');
        }

        assertThat(missed).as("main subjects missed; found:\n" + report).isEmpty();
        assertThat(wrongByPhoto).as("photos with wrong objects; found:\n" + report).hasSizeLessThanOrEqualTo(2);
    }

    private static Map<String, AttributeValue> awaitSucceeded(String id) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> service.dynamoDb().getItem(r -> r
                        .tableName("ImageMetadata").key(Map.of("imageID", AttributeValue.fromS(id))).consistentRead(true))
                .item(), item -> item.containsKey("status") && item.get("status").s().equals("SUCCEEDED"));
    }
}
