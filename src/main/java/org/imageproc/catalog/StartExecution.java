package org.imageproc.catalog;

import java.util.Map;

import org.apache.camel.Handler;
import org.apache.camel.Variable;
import org.imageproc.run.Execution;
import org.imageproc.run.ImageEvent;
import org.imageproc.run.StepRecord;
import org.imageproc.run.Variables;
import org.imageproc.storage.StoredImage;

/**
 * The start-execution step: claims the item for the upload as read, with the steps so far; null when it was already
 * processed.
 */
public class StartExecution {

    private final ImageCatalog catalog;

    public StartExecution(ImageCatalog catalog) {
        this.catalog = catalog;
    }

    @Handler
    public Execution start(@Variable(Variables.EVENT) ImageEvent event, @Variable(Variables.IMAGE) StoredImage image,
            @Variable(Variables.STEPS) Map<String, StepRecord> steps) {
        return catalog.start(event, image, steps);
    }
}
