package org.imageproc.labels;

import java.util.List;

import org.apache.camel.Handler;
import org.apache.camel.Variable;
import org.imageproc.imaging.WorkingImage;
import org.imageproc.run.Execution;
import org.imageproc.run.FailureCode;
import org.imageproc.run.FlowSettings;
import org.imageproc.run.ImageRejectedException;
import org.imageproc.run.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.DetectLabelsResponse;
import software.amazon.awssdk.services.rekognition.model.Image;
import software.amazon.awssdk.services.rekognition.model.ImageTooLargeException;
import software.amazon.awssdk.services.rekognition.model.Instance;
import software.amazon.awssdk.services.rekognition.model.InvalidImageFormatException;
import software.amazon.awssdk.services.rekognition.model.InvalidParameterException;
import software.amazon.awssdk.services.rekognition.model.InvalidS3ObjectException;
import software.amazon.awssdk.services.rekognition.model.Parent;
import software.amazon.awssdk.services.rekognition.model.RekognitionException;

/**
 * Asks Rekognition (AWS, or a compatible local endpoint) what the image shows: by default sent as a reduced JPEG of
 * the run's working image, or read by Rekognition from S3 when imageproc.labels.image-source says so.
 */
public class LabelDetector {

    private static final Logger LOG = LoggerFactory.getLogger(LabelDetector.class);

    private final RekognitionClient rekognition;
    private final boolean enabled;
    private final ImageSource source;
    private final int imageSize;

    /**
     * @param source    how Rekognition gets the image (imageproc.labels.image-source)
     * @param imageSize the longest side of the JPEG sent as bytes (imageproc.labels.image-size)
     */
    public LabelDetector(RekognitionClient rekognition, boolean enabled, ImageSource source, int imageSize) {
        if (imageSize <= 0) {
            throw new IllegalArgumentException("imageproc.labels.image-size must be positive: " + imageSize);
        }
        this.rekognition = rekognition;
        this.enabled = enabled;
        this.source = source;
        this.imageSize = imageSize;
        if (!enabled) {
            LOG.info("Label detection is off: detect-labels is recorded as SKIPPED (see imageproc.labels.enabled)");
        }
    }

    /** The longest side of the picture this detector needs from the working image; 0 when it needs none. */
    public int pixelsNeeded() {
        return enabled && source == ImageSource.BYTES ? imageSize : 0;
    }

    /**
     * @param working       the run's decoded image, sent as a reduced JPEG unless Rekognition reads the object
     * @param maxLabels     the flow's DetectLabels MaxLabels (process-image.yaml: imageproc.labels.max-labels)
     * @param minConfidence the flow's DetectLabels MinConfidence (from imageproc.labels.min-confidence)
     */
    @Handler
    public DetectedLabels detect(@Variable(Variables.EXECUTION) Execution execution,
            @Variable(Variables.WORKING) WorkingImage working,
            @Variable(Variables.MAX_LABELS) Integer maxLabels,
            @Variable(Variables.MIN_CONFIDENCE) Float minConfidence) {
        if (!enabled) {
            return DetectedLabels.skippedResult();
        }
        FlowSettings.require(Variables.MAX_LABELS, maxLabels);
        FlowSettings.require(Variables.MIN_CONFIDENCE, minConfidence);
        Image image = image(execution, working);
        DetectLabelsResponse response;
        try {
            response = rekognition.detectLabels(request -> request
                    .image(image)
                    .maxLabels(maxLabels)
                    .minConfidence(minConfidence));
        } catch (InvalidImageFormatException | ImageTooLargeException | InvalidS3ObjectException
                | InvalidParameterException e) {
            throw new ImageRejectedException(FailureCode.LABELS_REFUSED,
                    "Label detection refused the image: " + reason(e), e);
        }
        List<Label> labels = response.labels().stream()
                .map(label -> new Label(label.name(), label.confidence(),
                        label.parents().stream().map(Parent::name).toList(),
                        label.instances().stream().map(LabelDetector::instance).toList()))
                .toList();
        return new DetectedLabels(labels, response.labelModelVersion(), false);
    }

    private Image image(Execution execution, WorkingImage working) {
        if (source == ImageSource.S3_OBJECT) {
            return Image.builder().s3Object(object -> object.bucket(execution.bucket()).name(execution.key())).build();
        }
        byte[] jpeg = LabelRendition.jpeg(FlowSettings.require(Variables.WORKING, working), imageSize);
        return Image.builder().bytes(SdkBytes.fromByteArrayUnsafe(jpeg)).build();
    }

    private static LabelInstance instance(Instance instance) {
        var box = instance.boundingBox();
        return new LabelInstance(box.left(), box.top(), box.width(), box.height(), instance.confidence());
    }

    private static String reason(RekognitionException e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage() : e.getClass().getSimpleName();
    }
}
