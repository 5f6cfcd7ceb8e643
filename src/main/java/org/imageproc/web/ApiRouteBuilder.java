package org.imageproc.web;

import org.apache.camel.BeanInject;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.RestParamType;

/** Base of the REST resources: the demo-user header every operation declares, and routes with the API's error handling. */
abstract class ApiRouteBuilder extends EndpointRouteBuilder {

    @BeanInject
    WebApi api;

    /**
     * Declares the {@code X-Demo-User} header on the current operation, and the 503 any operation answers while an
     * AWS service is away (for the OpenAPI description).
     */
    static RestDefinition asDemoUser(RestDefinition operation) {
        return operation.param().name(WebApi.USER_HEADER).type(RestParamType.header).required(true)
                .description("The demo user name").endParam()
                .responseMessage().code(503).message("An AWS service the call needs is unavailable (the message names"
                        + " it); try again after Retry-After seconds").endResponseMessage();
    }

    /** The route behind the operation {@code id}, with the API's JSON error handling. */
    RouteDefinition operation(String id) {
        return from(direct(id)).routeId(id).routeConfigurationId(ApiErrorHandling.ID);
    }
}
