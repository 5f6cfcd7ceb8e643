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
import org.imageproc.thumbnail.StoredThumbnail;

/** The finish-execution step: if the object is still the run's, the final write for the route's aws2-ddb endpoint. */
public final class FinishExecution {

    private final ImageCatalog catalog;
    private final Consumer<Execution> removeThumbnail;

    /** @param removeThumbnail takes the run's thumbnail back when its object was deleted during the run */
    public FinishExecution(ImageCatalog catalog, Consumer<Execution> removeThumbnail) {
        this.catalog = catalog;
        this.removeThumbnail = removeThumbnail;
    }

    @Handler
    public AggregateWrite finish(@Variable(Variables.EXECUTION) Execution execution,
            @Variable(Variables.METADATA) ImageMetadata metadata, @Variable(Variables.LABELS) DetectedLabels labels,
            @Variable(Variables.THUMBNAIL) StoredThumbnail thumbnail,
            @Variable(Variables.THUMBNAIL_MAX_SIZE) Integer thumbnailMaxSize,
            @Variable(Variables.STEPS) Map<String, StepRecord> steps, @Simple("${routeId}") String step) {
        catalog.requireCurrent(execution, removeThumbnail);
        return catalog.aggregate(execution, metadata, labels, thumbnail,
                FlowSettings.require(Variables.THUMBNAIL_MAX_SIZE, thumbnailMaxSize), steps, step);
    }
}
