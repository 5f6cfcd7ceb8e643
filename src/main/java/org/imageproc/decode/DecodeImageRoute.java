package org.imageproc.decode;

import org.apache.camel.BeanInject;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.imageproc.run.Steps;

/**
 * The decode-image step: decodes the image once, shrunk on load and upright, at the smallest size that serves the
 * thumbnail and label detection, waiting for its share of the pixel budget first.
 */
public class DecodeImageRoute extends EndpointRouteBuilder {

    @BeanInject
    ImageDecoder decoder;

    @Override
    public void configure() {
        from(direct("decode-image")).routeId("decode-image").routeGroup(Steps.GROUP)
                .bean(decoder);
    }
}
