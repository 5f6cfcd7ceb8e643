package org.imageproc.labels;

import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.imageproc.run.Steps;

/**
 * The detect-labels step: Rekognition DetectLabels on the stored object (MaxLabels and MinConfidence from the flow's
 * {@code maxLabels} and {@code minConfidence} variables, else the properties), or SKIPPED when labels are off.
 */
public class DetectLabelsRoute extends EndpointRouteBuilder {

    @Override
    public void configure() {
        from(direct("detect-labels")).routeId("detect-labels").routeGroup(Steps.GROUP)
                .bean("labelDetector",
                        "detect(${variable.execution}, ${variable.maxLabels}, ${variable.minConfidence})")
                .setProperty(Steps.SKIPPED, simple("${body.skipped}"));
    }
}
