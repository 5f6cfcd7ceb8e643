package org.imageproc.metadata;

import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.imageproc.run.Steps;

/** The extract-metadata step: format, dimensions, EXIF and GPS from the image's bytes. */
public class ExtractMetadataRoute extends EndpointRouteBuilder {

    @Override
    public void configure() {
        from(direct("extract-metadata")).routeId("extract-metadata").routeGroup(Steps.GROUP)
                .bean("metadataReader", "read(${variable.image.bytes})");
    }
}
