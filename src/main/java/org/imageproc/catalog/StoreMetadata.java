package org.imageproc.catalog;

import java.util.Map;

import org.apache.camel.Handler;
import org.apache.camel.Variable;
import org.apache.camel.language.simple.Simple;
import org.imageproc.metadata.ImageMetadata;
import org.imageproc.run.Execution;
import org.imageproc.run.StepRecord;
import org.imageproc.run.StepsAhead;
import org.imageproc.run.Variables;
import org.imageproc.storage.StoredImage;

/**
 * The store-metadata step: the metadata on the item, so it is there even if later steps fail, with the steps so far
 * and the steps ahead shown running.
 */
public class StoreMetadata {

    private final ImageCatalog catalog;
    private final StepsAhead ahead;

    public StoreMetadata(ImageCatalog catalog, StepsAhead ahead) {
        this.catalog = catalog;
        this.ahead = ahead;
    }

    @Handler
    public void store(@Variable(Variables.EXECUTION) Execution execution, @Variable(Variables.IMAGE) StoredImage image,
            @Variable(Variables.METADATA) ImageMetadata metadata,
            @Variable(Variables.STEPS) Map<String, StepRecord> steps, @Simple("${fromRouteId}") String flow,
            @Simple("${routeId}") String step) {
        catalog.storeMetadata(execution, image, metadata, steps, step, ahead.after(flow, step));
    }
}
