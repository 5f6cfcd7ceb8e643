package org.imageproc.storage;

import org.apache.camel.BeanInject;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.imageproc.run.Steps;

/**
 * The read-image step: one GetObject per image, of the configured bucket, only if the object is still the upload
 * the event announced (If-Match on its ETag); the bytes then travel in the {@code image} variable. A retry of the
 * step asks S3 again.
 */
public class ReadImageRoute extends EndpointRouteBuilder {

    @BeanInject
    ImageLoader loader;

    @Override
    public void configure() {
        from(direct("read-image")).routeId("read-image").routeGroup(Steps.GROUP)
                .bean(loader);
    }
}
