package org.imageproc.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imageproc.testing.LabelPhotos;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.DetectLabelsResponse;
import software.amazon.awssdk.services.rekognition.model.ImageTooLargeException;
import software.amazon.awssdk.services.rekognition.model.Instance;
import software.amazon.awssdk.services.rekognition.model.InvalidImageFormatException;
import software.amazon.awssdk.services.rekognition.model.InvalidParameterException;
import software.amazon.awssdk.services.rekognition.model.InvalidS3ObjectException;
import software.amazon.awssdk.services.rekognition.model.Label;
import software.amazon.awssdk.services.rekognition.model.LabelCategory;
import software.amazon.awssdk.services.rekognition.model.Parent;
import software.amazon.awssdk.services.s3.S3Client;

/** The local DetectLabels endpoint's wire contract, through the AWS SDK's RekognitionClient. */
@Tag("detector")
class RekognitionServerIT {

    private static final String DOG = "darknet-dog.jpg";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalAwsStack stack;
    private static RekognitionClient rekognition;

    @BeforeAll
    static void start() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "rek-");
        stack = StackClients.start(StackClients.onFreePorts(dataDir), OptionalInt.of(0));
        rekognition = LocalClients.local(RekognitionClient.builder(), stack.settings(),
                stack.rekognitionEndpoint().orElseThrow()).build();
    }

    @AfterAll
    static void stop() {
        if (rekognition != null) {
            rekognition.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void labelsAnImageSentAsBytes() {
        byte[] photo = LabelPhotos.photo(DOG);

        DetectLabelsResponse response = rekognition.detectLabels(r -> r
                .image(i -> i.bytes(SdkBytes.fromByteArray(photo))).maxLabels(10).minConfidence(60f));

        assertThat(response.labelModelVersion()).startsWith("nanodet-g-416");
        assertThat(response.labels()).extracting(Label::name).contains("Dog", "Bicycle", "Animal", "Vehicle")
                .doesNotContain("Bench", "Chair").hasSizeLessThanOrEqualTo(10);
        assertThat(response.labels()).allSatisfy(l -> assertThat(l.confidence()).isBetween(60f, 100f));
        Label dog = label(response, "Dog");
        assertThat(dog.parents()).extracting(Parent::name).contains("Mammal", "Animal", "Pet");
        assertThat(dog.categories()).extracting(LabelCategory::name).containsExactly("Animals and Pets");
        assertThat(dog.instances()).hasSize(1);
        Instance box = dog.instances().get(0);
        // the dog sits in the lower left of the photo
        assertThat(box.boundingBox().left()).isBetween(0.1f, 0.25f);
        assertThat(box.boundingBox().top()).isBetween(0.3f, 0.45f);
        assertThat(box.boundingBox().width()).isBetween(0.2f, 0.4f);
        assertThat(box.boundingBox().height()).isBetween(0.45f, 0.65f);
        assertThat(box.confidence()).isEqualTo(dog.confidence());
        assertThat(label(response, "Animal").instances()).isEmpty();
    }

    @Test
    void labelsAnImageReadFromTheEmbeddedS3() {
        byte[] photo = LabelPhotos.photo("yolov5-bus.jpg");
        try (S3Client s3 = StackClients.s3(stack)) {
            s3.putObject(r -> r.bucket("photo-repo").key("labels/bus.jpg"), RequestBody.fromBytes(photo));
        }

        DetectLabelsResponse response = rekognition.detectLabels(r -> r
                .image(i -> i.s3Object(o -> o.bucket("photo-repo").name("labels/bus.jpg"))));

        assertThat(response.labels()).extracting(Label::name).startsWith("Person")
                .contains("Bus", "Vehicle", "Transportation");
        assertThat(label(response, "Person").instances()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(label(response, "Bus").parents()).extracting(Parent::name)
                .containsExactly("Vehicle", "Transportation");
    }

    @Test
    void maxLabelsAndMinConfidenceApply() {
        byte[] photo = LabelPhotos.photo(DOG);

        List<Label> two = rekognition.detectLabels(r -> r.image(i -> i.bytes(SdkBytes.fromByteArray(photo)))
                .maxLabels(2)).labels();
        // the truck behind the dog, the least sure object: just under and just over its confidence
        float truck = rekognition.detectLabels(r -> r.image(i -> i.bytes(SdkBytes.fromByteArray(photo)))
                .minConfidence(0f)).labels().stream().filter(label -> label.name().equals("Truck"))
                .findFirst().orElseThrow().confidence();
        List<Label> lenient = rekognition.detectLabels(r -> r.image(i -> i.bytes(SdkBytes.fromByteArray(photo)))
                .minConfidence(truck - 1)).labels();
        List<Label> strict = rekognition.detectLabels(r -> r.image(i -> i.bytes(SdkBytes.fromByteArray(photo)))
                .minConfidence(truck + 1)).labels();

        assertThat(two).extracting(Label::name).containsExactly("Bicycle", "Vehicle");
        assertThat(lenient).extracting(Label::name).contains("Truck");
        assertThat(strict).extracting(Label::name).doesNotContain("Truck");
        assertThat(lenient).allSatisfy(label -> assertThat(label.confidence()).isGreaterThanOrEqualTo(truck - 1));
    }

    @Test
    void anythingButJpegOrPngIsAnInvalidImageFormat() {
        byte[] gif = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0};

        assertThatThrownBy(() -> rekognition.detectLabels(r -> r.image(i -> i.bytes(SdkBytes.fromByteArray(gif)))))
                .isInstanceOf(InvalidImageFormatException.class).hasMessageContaining("GIF");
        byte[] truncated = java.util.Arrays.copyOf(TestImages.jpeg(400, 300), 40);
        assertThatThrownBy(() -> rekognition.detectLabels(r -> r.image(i -> i.bytes(SdkBytes.fromByteArray(truncated)))))
                .isInstanceOf(InvalidImageFormatException.class);
    }

    @Test
    void aMissingObjectIsAnInvalidS3Object() {
        assertThatThrownBy(() -> rekognition.detectLabels(r -> r
                .image(i -> i.s3Object(o -> o.bucket("photo-repo").name("labels/nothing-here.jpg")))))
                .isInstanceOf(InvalidS3ObjectException.class).hasMessageContaining("labels/nothing-here.jpg");
        assertThatThrownBy(() -> rekognition.detectLabels(r -> r
                .image(i -> i.s3Object(o -> o.bucket("no-such-bucket").name("a.jpg")))))
                .isInstanceOf(InvalidS3ObjectException.class);
    }

    @Test
    void imagesPastRekognitionsLimitsAreTooLarge() {
        byte[] big = new byte[RekognitionServer.MAX_INLINE_BYTES + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        assertThatThrownBy(() -> rekognition.detectLabels(r -> r.image(i -> i.bytes(SdkBytes.fromByteArray(big)))))
                .isInstanceOf(ImageTooLargeException.class).hasMessageContaining("5242880");

        byte[] huge = new byte[(int) S3Images.MAX_BYTES + 1];
        try (S3Client s3 = StackClients.s3(stack)) {
            s3.putObject(r -> r.bucket("photo-repo").key("labels/huge.jpg"), RequestBody.fromBytes(huge));
        }
        assertThatThrownBy(() -> rekognition.detectLabels(r -> r
                .image(i -> i.s3Object(o -> o.bucket("photo-repo").name("labels/huge.jpg")))))
                .isInstanceOf(ImageTooLargeException.class);
    }

    @Test
    void badParametersAreInvalidParameters() {
        byte[] photo = TestImages.jpeg(200, 200);

        assertThatThrownBy(() -> rekognition.detectLabels(r -> r.image(i -> i.bytes(SdkBytes.fromByteArray(photo)))
                .minConfidence(101f)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("MinConfidence");
        assertThatThrownBy(() -> rekognition.detectLabels(r -> r.image(i -> i.bytes(SdkBytes.fromByteArray(photo)))
                .maxLabels(-1)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("MaxLabels");
        assertThatThrownBy(() -> rekognition.detectLabels(r -> r.image(i -> { })))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Bytes and S3Object");
    }

    @Test
    void answersInRekognitionsFieldNames() throws Exception {
        String body = "{\"Image\":{\"Bytes\":\"" + Base64.getEncoder().encodeToString(LabelPhotos.photo(DOG))
                + "\"},\"MaxLabels\":3,\"Features\":[\"GENERAL_LABELS\"]}";

        HttpResponse<String> response = post(body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.fieldNames()).toIterable().containsExactly("Labels", "LabelModelVersion");
        JsonNode label = json.path("Labels").path(0);
        assertThat(label.fieldNames()).toIterable()
                .containsExactly("Name", "Confidence", "Instances", "Parents", "Aliases", "Categories");
        assertThat(label.path("Aliases").isArray()).isTrue();
        JsonNode instance = label.path("Instances").path(0);
        assertThat(instance.fieldNames()).toIterable().containsExactly("BoundingBox", "Confidence");
        assertThat(instance.path("BoundingBox").fieldNames()).toIterable()
                .containsExactly("Width", "Height", "Left", "Top");
        assertThat(label.path("Parents").path(0).fieldNames()).toIterable().containsExactly("Name");
    }

    @Test
    void requestsTheSdkCannotSendAreRefusedWithRekognitionsErrors() throws Exception {
        String jpeg = Base64.getEncoder().encodeToString(TestImages.jpeg(200, 200));

        assertError(post("not json"), "SerializationException", "The request body is not JSON");
        assertError(post("[]"), "InvalidParameterException", "The request body must be a JSON object");
        assertError(post("{\"Image\":{\"Bytes\":\"a!b\"}}"), "InvalidParameterException",
                "Image.Bytes is not base64");
        assertError(post("{\"Image\":{\"Bytes\":\"" + jpeg + "\"},\"MaxLabels\":\"5\"}"),
                "InvalidParameterException", "MaxLabels has the wrong type");
        assertError(post("{\"Image\":{\"Bytes\":\"" + jpeg + "\"},\"MaxLabels\":2.5}"),
                "InvalidParameterException", "MaxLabels must be a whole number of at least 0, not 2.5");
        assertError(post("{\"Image\":{\"S3Object\":{\"Bucket\":\"photo-repo\"}}}"),
                "InvalidParameterException", "Image.S3Object needs a Bucket and a Name");
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(stack.rekognitionEndpoint().orElseThrow())
                .header("X-Amz-Target", "RekognitionService.DetectLabels")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> response, String type, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.fieldNames()).toIterable().containsExactly("__type", "Message");
        assertThat(json.path("__type").asText()).isEqualTo(type);
        assertThat(json.path("Message").asText()).isEqualTo(message);
    }

    private static Label label(DetectLabelsResponse response, String name) {
        return response.labels().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError(name + " not among " + response.labels()));
    }
}
