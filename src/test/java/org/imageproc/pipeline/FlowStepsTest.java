package org.imageproc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.imageproc.run.Steps;
import org.imageproc.testing.RouteTests;
import org.junit.jupiter.api.Test;

/**
 * Which steps a flow runs, read from its routes whatever their ids: a flow of made-up steps, one added before a
 * parallel block, one after the final write, called through a route between as the queue's consumer calls
 * process-image; the steps that write the item say so with a route property.
 */
@CamelMainTest(propertyPlaceholderLocations = {RouteTests.PROPERTIES, RouteTests.APPLICATION})
class FlowStepsTest {

    @BeanInject
    CamelContext context;

    @Configure
    void aFlowOfMadeUpSteps(MainConfigurationProperties main) {
        main.withAdditionalLambdaRouteBuilder(this::routes);
    }

    private void routes(RouteBuilder routes) {
        routes.from("direct:consume").routeId("consume").to("direct:flow");
        routes.from("direct:flow").routeId("flow")
                .to("direct:fetch")
                .to("direct:claim")
                .to("direct:save")
                .to("direct:decode")
                .multicast().parallelProcessing()
                    .to("direct:label")
                    .to("direct:shrink")
                .end()
                .to("direct:finish")
                .to("direct:announce");
        for (String step : List.of("fetch", "decode", "label", "shrink", "announce")) {
            routes.from("direct:" + step).routeId(step).routeGroup(Steps.GROUP).log(step);
        }
        for (String writer : List.of("save", "finish")) {
            routes.from("direct:" + writer).routeId(writer).routeGroup(Steps.GROUP)
                    .routeProperty(Steps.WRITES_ITEM, "true").log(writer);
        }
        for (String other : List.of("claim")) {
            routes.from("direct:" + other).routeId(other).log(other);
        }
    }

    @Test
    void theStepsOfAFlowAreTheStepRoutesItReachesInOrder() {
        FlowSteps flow = new FlowSteps(context);

        assertThat(flow.steps("consume")).extracting(Route::getRouteId)
                .containsExactly("fetch", "save", "decode", "label", "shrink", "finish", "announce");
        // up to the next step that writes the item, which records them
        assertThat(flow.after("consume", "save")).containsExactly("decode", "label", "shrink");
        assertThat(flow.after("flow", "save")).containsExactly("decode", "label", "shrink");
        assertThat(flow.after("consume", "decode")).containsExactly("label", "shrink");
        // the route that calls a step itself, to name in a message about the flow
        assertThat(flow.sender("consume", "label").getRouteId()).isEqualTo("flow");
        assertThat(flow.sender("consume", "resize")).isNull();
    }

    @Test
    void theAnswerFollowsTheRoutesWhenTheyChange() throws Exception {
        FlowSteps flow = new FlowSteps(context);
        assertThat(flow.after("consume", "save")).containsExactly("decode", "label", "shrink");

        context.getRouteController().stopRoute("label");
        context.removeRoute("label");

        assertThat(flow.after("consume", "save")).containsExactly("decode", "shrink");
    }

    @Test
    void nothingIsAheadOfTheLastStepsOrOfAStepTheFlowDoesNotHave() {
        FlowSteps flow = new FlowSteps(context);

        assertThat(flow.after("consume", "shrink")).isEmpty();
        assertThat(flow.after("consume", "fetch")).isEmpty();
        // no write follows the final one to record a step after it
        assertThat(flow.after("consume", "finish")).isEmpty();
        assertThat(flow.after("consume", "resize")).isEmpty();
        assertThat(flow.after("no-such-route", "save")).isEmpty();
    }
}
