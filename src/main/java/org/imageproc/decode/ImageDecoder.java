package org.imageproc.decode;

import org.apache.camel.Handler;
import org.apache.camel.Variable;
import org.imageproc.imaging.PixelBudget;
import org.imageproc.imaging.WorkingImage;
import org.imageproc.imaging.WorkingImageReader;
import org.imageproc.metadata.ImageMetadata;
import org.imageproc.run.FlowSettings;
import org.imageproc.run.Variables;
import org.imageproc.storage.StoredImage;

/** The decode-image step: the image read earlier, decoded once within the pixel budget, for the steps after it. */
public class ImageDecoder {

    private final int labelSize;
    private final PixelBudget budget;

    /**
     * @param labelSize the longest side label detection is sent (imageproc.labels.image-size), 0 when it gets no
     *                  pixels from this run (labels off, or Rekognition reads the object from S3)
     */
    public ImageDecoder(int labelSize, PixelBudget budget) {
        this.labelSize = labelSize;
        this.budget = budget;
    }

    /** @param thumbnailMaxSize the flow's longest thumbnail side (process-image.yaml: imageproc.thumbnail.max-size) */
    @Handler
    public WorkingImage decode(@Variable(Variables.IMAGE) StoredImage image,
            @Variable(Variables.METADATA) ImageMetadata metadata,
            @Variable(Variables.THUMBNAIL_MAX_SIZE) Integer thumbnailMaxSize) {
        int box = Math.max(FlowSettings.require(Variables.THUMBNAIL_MAX_SIZE, thumbnailMaxSize), labelSize);
        return WorkingImageReader.read(image.bytes(), metadata.format(), metadata.orientation(), box, budget);
    }
}
