package org.imageproc.observe;

import java.util.Map;
import java.util.Optional;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.imageproc.aws.AwsClients;
import org.imageproc.aws.LocalStack;
import org.imageproc.outage.Probes;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Readiness only: the service is ready when the queue it consumes, the bucket it reads and writes and both tables
 * answer, and in local mode no local server is being restarted. Liveness does not depend on AWS, so an AWS outage
 * takes the pod out of service instead of restarting it.
 */
final class AwsReadinessCheck extends AbstractHealthCheck {

    private final AwsClients aws;
    private final Probes probes;

    AwsReadinessCheck(AwsClients aws, Probes probes) {
        super("imageproc", "aws-resources");
        this.aws = aws;
        this.probes = probes;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Optional<String> localOutage = aws.localStack().flatMap(LocalStack::outage);
        if (localOutage.isPresent()) {
            builder.down().message(localOutage.get()).detail("resource", "local stack");
            return;
        }
        for (Probes.Probe probe : probes.all()) {
            try {
                probe.call().run();
            } catch (SdkException e) {
                builder.down().message("Cannot reach " + probe.resource() + ": " + e.getMessage())
                        .detail("resource", probe.resource());
                return;
            }
        }
        builder.up();
    }
}
