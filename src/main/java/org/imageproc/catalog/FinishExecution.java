package org.imageproc.catalog;

import java.util.Map;
import java.util.function.Consumer;

import org.apache.camel.Handler;
import org.apache.camel.Variable;
import org.apache.camel.language.simple.Simple;
import org.imageproc.labels.DetectedLabels;
import org.imageproc.metadata.ImageMetadata;
import org.imageproc.run.Execution;
import org.imageproc.run.FlowSettings;
import org.imageproc.run.StepRecord;
import org.imageproc.run.Variables;
import org.imageproc.storage.StoredImage;
import org.imageproc.thumbnail.StoredThumbnail;

/**
 * The finish-execution step: the run's search entries, then, if the object is still the run's, the final write for
 * the route's aws2-ddb endpoint.
 */
public final class FinishExecution {

    private final ImageCatalog catalog;
    private final LabelStaging labelIndex;
    private final Consumer<Execution> removeThumbnail;

    /** @param removeThumbnail takes the run's thumbnail back when its object was deleted during the run */
    public FinishExecution(ImageCatalog catalog, LabelStaging labelIndex, Consumer<Execution> removeThumbnail) {
        this.catalog = catalog;
        this.labelIndex = labelIndex;
        this.removeThumbnail = removeThumbnail;
    }

    @Handler
    public AggregateWrite finish(@Variable(Variables.EXECUTION) Execution execution,
            @Variable(Variables.IMAGE) StoredImage image, @Variable(Variables.METADATA) ImageMetadata metadata,
            @Variable(Variables.LABELS) DetectedLabels labels, @Variable(Variables.THUMBNAIL) StoredThumbnail thumbnail,
            @Variable(Variables.THUMBNAIL_MAX_SIZE) Integer thumbnailMaxSize,
            @Variable(Variables.STEPS) Map<String, StepRecord> steps, @Simple("${routeId}") String step) {
        if (image != null && image.userId() != null && !labels.labels().isEmpty()) {
            labelIndex.stage(execution, image.userId(),
                    image.lastModified() == null ? 0 : image.lastModified().getEpochSecond(), labels.labels());
        }
        catalog.requireCurrent(execution, removeThumbnail);
        return catalog.aggregate(execution, metadata, labels, thumbnail,
                FlowSettings.require(Variables.THUMBNAIL_MAX_SIZE, thumbnailMaxSize), steps, step);
    }
}
