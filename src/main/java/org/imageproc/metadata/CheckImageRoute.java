package org.imageproc.metadata;

import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.imageproc.run.Steps;

/**
 * The check-image step: only accepted formats (imageproc.formats) within the pixel limit go on; anything else is
 * rejected with a reason.
 */
public class CheckImageRoute extends EndpointRouteBuilder {

    @Override
    public void configure() {
        from(direct("check-image")).routeId("check-image").routeGroup(Steps.GROUP)
                .bean("imageCheck", "check(${variable.metadata})");
    }
}
