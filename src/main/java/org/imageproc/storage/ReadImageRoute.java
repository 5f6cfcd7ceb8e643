package org.imageproc.storage;

import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.component.aws2.s3.AWS2S3Operations;
import org.imageproc.run.Steps;

/**
 * The read-image step: one GetObject per image, of the configured bucket, only if the object is still the upload
 * the event announced (If-Match on its ETag); the bytes then travel in the {@code image} variable.
 */
public class ReadImageRoute extends EndpointRouteBuilder {

    @Override
    public void configure() {
        from(direct("read-image")).routeId("read-image").routeGroup(Steps.GROUP)
                .setHeader(AWS2S3Constants.KEY, simple("${variable.event.key}"))
                .setHeader(AWS2S3Constants.IF_MATCH_CONDITION, simple("\"${variable.event.eTag}\""))
                .to(aws2S3("{{imageproc.bucket}}").operation(AWS2S3Operations.getObject))
                .bean("imageLoader", "load(${variable.event}, ${body})");
    }
}
