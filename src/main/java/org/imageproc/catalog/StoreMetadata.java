package org.imageproc.catalog;

import org.apache.camel.Handler;
import org.apache.camel.Variable;
import org.imageproc.metadata.ImageMetadata;
import org.imageproc.run.Execution;
import org.imageproc.run.Variables;
import org.imageproc.storage.StoredImage;

/** The store-metadata step: the metadata on the item, so it is there even if later steps fail. */
public class StoreMetadata {

    private final ImageCatalog catalog;

    public StoreMetadata(ImageCatalog catalog) {
        this.catalog = catalog;
    }

    @Handler
    public void store(@Variable(Variables.EXECUTION) Execution execution, @Variable(Variables.IMAGE) StoredImage image,
            @Variable(Variables.METADATA) ImageMetadata metadata) {
        catalog.storeMetadata(execution, image, metadata);
    }
}
