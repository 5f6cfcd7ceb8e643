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

    /**
     * Declares {@code limit} and {@code cursor} on a list operation, whose answer is {@code {items, nextCursor}}.
     */
    static RestDefinition paged(RestDefinition operation) {
        return operation.param().name("limit").type(RestParamType.query).dataType("integer").required(false)
                .description("How many items a page holds: 1 to " + Pagination.MAX_LIMIT + ", "
                        + Pagination.DEFAULT_LIMIT + " unless given").endParam()
                .param().name("cursor").type(RestParamType.query).required(false)
                .description("The nextCursor of the previous page, as it came; leave out for the first page")
                .endParam()
                .responseMessage().code(400).message("A limit out of range, or a cursor this list did not hand"
                        + " out (forged, damaged, or of another list or user)").endResponseMessage();
    }

    /** The route behind the operation {@code id}, with the API's JSON error handling. */
    RouteDefinition operation(String id) {
        return from(direct(id)).routeId(id).routeConfigurationId(ApiErrorHandling.ID);
    }
}
