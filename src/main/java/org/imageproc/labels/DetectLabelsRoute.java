package org.imageproc.labels;

import org.apache.camel.BeanInject;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.imageproc.run.Steps;

/**
 * The detect-labels step: Rekognition DetectLabels on the stored object (MaxLabels and MinConfidence from the flow's
 * {@code maxLabels} and {@code minConfidence} variables), or SKIPPED when labels are off.
 */
public class DetectLabelsRoute extends EndpointRouteBuilder {

    @BeanInject
    LabelDetector detector;

    @Override
    public void configure() {
        from(direct("detect-labels")).routeId("detect-labels").routeGroup(Steps.GROUP)
                .bean(detector)
                .setProperty(Steps.SKIPPED, simple("${body.skipped}"));
    }
}
