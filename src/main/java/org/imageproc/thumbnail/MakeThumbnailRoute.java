package org.imageproc.thumbnail;

import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.imageproc.run.Steps;

/**
 * The make-thumbnail step: scale the image read earlier (to the flow's {@code thumbnailMaxSize} variable, else
 * imageproc.thumbnail.max-size) and put it under the thumbnail prefix of the same bucket, while the run owns the item.
 */
public class MakeThumbnailRoute extends EndpointRouteBuilder {

    @Override
    public void configure() {
        from(direct("make-thumbnail")).routeId("make-thumbnail").routeGroup(Steps.GROUP)
                .bean("thumbnailStep", "make(${variable.image}, ${variable.metadata}, ${variable.thumbnailMaxSize})")
                .bean("thumbnailStore", "put(${variable.execution}, ${body})");
    }
}
