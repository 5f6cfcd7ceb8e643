package org.imageproc.catalog;

import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.imageproc.run.Steps;

/** The store-metadata step: the metadata on the item, so it is there even if later steps fail. */
public class StoreMetadataRoute extends EndpointRouteBuilder {

    @Override
    public void configure() {
        from(direct("store-metadata")).routeId("store-metadata").routeGroup(Steps.GROUP)
                .bean("imageCatalog", "storeMetadata(${variable.execution}, ${variable.image}, ${variable.metadata})");
    }
}
