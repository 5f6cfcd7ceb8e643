package org.imageproc.stop;

import org.apache.camel.CamelContext;
import org.apache.camel.support.LifecycleStrategySupport;
import org.imageproc.aws.AwsClients;
import org.imageproc.aws.LocalStack;

/**
 * The order of a stop (SIGTERM): the local S3 refuses new uploads, the SQS consumer stops polling, the images in
 * flight finish and their messages are deleted, then the AWS clients and the local stack close.
 */
public final class GracefulStop {

    private GracefulStop() {
    }

    /**
     * Installs the stop order on the context; {@code aws} is stopped after the routes, as a service of the context
     * added before this call.
     */
    public static void install(CamelContext context, AwsClients aws) {
        context.setShutdownStrategy(UnitOfWorkShutdownStrategy.replacing(context.getShutdownStrategy()));
        // before Camel's shutdown strategy stops the first consumer
        context.addLifecycleStrategy(LifecycleStrategySupport.adapt(LifecycleStrategySupport.onCamelContextStopping(
                stopping -> aws.localStack().ifPresent(LocalStack::stopTakingUploads))));
    }
}
