package org.imageproc.web;

import org.apache.camel.model.rest.RestParamType;

/** REST resources {@code /api/search} and {@code /api/labels}: the demo user's photos by what is in them. */
public class SearchApi extends ApiRouteBuilder {

    @Override
    public void configure() {
        paged(asDemoUser(rest("/search").description("The demo user's photos by content")
                .get().id("search-photos").routeId("search-photos")
                .description("A page of the user's photos with the label, or with a label under it (Dog is found"
                        + " under Animal), in any case, newest upload first; a page may hold fewer photos than"
                        + " limit while the index catches up with reprocessed photos: follow nextCursor until null")))
                .param().name("label").type(RestParamType.query).required(true)
                        .description("The label, e.g. Dog").endParam()
                .outType(PhotoPage.class)
                .to(direct("search-photos"));
        asDemoUser(rest("/labels").description("The demo user's labels")
                .get().id("get-labels").routeId("get-labels")
                .description("Every label of the user's photos with how many photos have it, most first, to"
                        + " suggest searches"))
                .outType(LabelList.class)
                .to(direct("get-labels"));

        operation("search-photos")
                .bean(api, "search");

        operation("get-labels")
                .bean(api, "labels");
    }
}
