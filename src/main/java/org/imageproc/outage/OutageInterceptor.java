package org.imageproc.outage;

import java.util.Optional;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Sits on one SDK client and tells {@link Outages} whether its service answered; a call that failed because the
 * service is away is rethrown as a {@link DependencyUnavailableException} naming it. It sees a call once, after the
 * SDK's own attempts.
 */
final class OutageInterceptor implements ExecutionInterceptor {

    private final Dependency dependency;
    private final Outages outages;

    OutageInterceptor(Dependency dependency, Outages outages) {
        this.dependency = dependency;
        this.outages = outages;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        outages.answered(dependency);
    }

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable failure = context.exception();
        Optional<String> reason = Unavailability.reason(failure);
        if (reason.isPresent()) {
            outages.failed(dependency, reason.get());
            return DependencyUnavailableException.of(dependency, reason.get(), failure);
        }
        if (failure instanceof AwsServiceException) {
            // a refusal (404, 412, a failed condition) is an answer: the service is there
            outages.answered(dependency);
        }
        return failure;
    }
}
