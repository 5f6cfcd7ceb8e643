package org.imageproc.web;

import org.apache.camel.BeanInject;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * Error handling of the web routes, selected by id: any failure becomes a JSON error with its 4xx/5xx status, and a
 * 503 (an AWS service is away) says when to try again.
 */
public class ApiErrorHandling extends RouteConfigurationBuilder {

    static final String ID = "api-errors";

    @BeanInject
    ApiErrors errors;

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class)
                    .handled(true)
                    .bean(errors)
                    .setHeader(Exchange.HTTP_RESPONSE_CODE, simple("${body.status}"))
                    .setHeader("Retry-After", method(errors, "retryAfter"))
                    // the REST binding does not marshal a handled error's body
                    .marshal().json()
                    .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .end();
    }
}
