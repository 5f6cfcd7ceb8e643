package org.imageproc.catalog;

import org.apache.camel.BeanInject;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.imageproc.run.Steps;

/** The store-metadata step: the metadata on the item, so it is there even if later steps fail. */
public class StoreMetadataRoute extends EndpointRouteBuilder {

    @BeanInject
    StoreMetadata storeMetadata;

    @Override
    public void configure() {
        from(direct("store-metadata")).routeId("store-metadata").routeGroup(Steps.GROUP)
                .routeProperty(Steps.WRITES_ITEM, "true")
                .bean(storeMetadata);
    }
}
