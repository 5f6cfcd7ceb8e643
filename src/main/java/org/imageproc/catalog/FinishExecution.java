package org.imageproc.catalog;

import java.util.Map;

import org.apache.camel.Handler;
import org.apache.camel.Variable;
import org.apache.camel.language.simple.Simple;
import org.imageproc.labels.DetectedLabels;
import org.imageproc.metadata.ImageMetadata;
import org.imageproc.run.Execution;
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

    public FinishExecution(ImageCatalog catalog, LabelStaging labelIndex) {
        this.catalog = catalog;
        this.labelIndex = labelIndex;
    }

    @Handler
    public AggregateWrite finish(@Variable(Variables.EXECUTION) Execution execution,
            @Variable(Variables.IMAGE) StoredImage image, @Variable(Variables.METADATA) ImageMetadata metadata, @Variable(Variables.LABELS) DetectedLabels labels,
            @Variable(Variables.THUMBNAIL) StoredThumbnail thumbnail,
            @Variable(Variables.STEPS) Map<String, StepRecord> steps, @Simple("${routeId}") String step) {
        if (image != null && image.userId() != null && !labels.labels().isEmpty()) {
            labelIndex.stage(execution, image.userId(),
                    image.lastModified() == null ? 0 : image.lastModified().getEpochSecond(), labels.labels());
        }
        catalog.requireCurrent(execution);
        return catalog.aggregate(execution, metadata, labels, thumbnail, steps, step);
    }
}
