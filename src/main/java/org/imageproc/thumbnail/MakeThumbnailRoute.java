package org.imageproc.thumbnail;

import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.imageproc.pipeline.Steps;

/**
 * The make-thumbnail step: scale the image read earlier (to the flow's {@code thumbnailMaxSize} variable, else
 * imageproc.thumbnail.max-size) and put it under the thumbnail prefix of the same bucket.
 */
public class MakeThumbnailRoute extends EndpointRouteBuilder {

    @Override
    public void configure() {
        from(direct("make-thumbnail")).routeId("make-thumbnail").routeGroup(Steps.GROUP)
                .bean("thumbnailStep", "make(${variable.image}, ${variable.metadata}, ${variable.thumbnailMaxSize})")
                .setVariable("thumbnailImage", body())
                .setHeader(AWS2S3Constants.BUCKET_NAME, simple("${variable.execution.bucket}"))
                .setHeader(AWS2S3Constants.KEY, method("thumbnailStep", "key(${variable.execution})"))
                .setHeader(AWS2S3Constants.CONTENT_TYPE, simple("${body.contentType}"))
                .setHeader(AWS2S3Constants.CONTENT_LENGTH, simple("${body.bytes.length}"))
                .setBody(simple("${body.bytes}"))
                .to(aws2S3("{{imageproc.bucket}}"))
                .bean("thumbnailStep", "stored(${variable.execution}, ${variable.thumbnailImage})");
    }
}
