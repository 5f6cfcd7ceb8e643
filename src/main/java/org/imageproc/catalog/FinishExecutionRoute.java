package org.imageproc.catalog;

import org.apache.camel.BeanInject;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.component.aws2.ddb.Ddb2Constants;
import org.apache.camel.component.aws2.ddb.Ddb2Operations;
import org.imageproc.run.Steps;
import org.imageproc.run.Variables;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The finish-execution step: if the object is still the one the run read, labels, thumbnail and steps aggregated on
 * the item in one aws2-ddb UpdateItem, conditional on the run still owning it, and the run SUCCEEDED; then the search
 * entries its item no longer backs go; the body becomes the {@link ImageSucceeded}.
 */
public class FinishExecutionRoute extends EndpointRouteBuilder {

    private static final String WRITE = "aggregate";

    @BeanInject
    FinishExecution finishExecution;
    @BeanInject
    FinishRefusals refusals;
    @BeanInject
    SettleLabels settleLabels;

    @Override
    public void configure() {
        from(direct("finish-execution")).routeId("finish-execution").routeGroup(Steps.GROUP)
                .routeProperty(Steps.WRITES_ITEM, "true")
                .bean(finishExecution)
                .setVariable(WRITE, body())
                .setHeader(Ddb2Constants.KEY, simple("${body.key}"))
                .setHeader(Ddb2Constants.UPDATE_VALUES, simple("${body.updates}"))
                .setHeader(Ddb2Constants.UPDATE_CONDITION, simple("${body.expected}"))
                .doTry()
                    // tables are provisioned apart (CloudFormation, the local stack): no DescribeTable, no CreateTable
                    .to(aws2Ddb("{{imageproc.table.images}}").operation(Ddb2Operations.UpdateItem)
                            .enabledInitialDescribeTable(false))
                .doCatch(DynamoDbException.class)
                    .bean(refusals)
                .end()
                .bean(settleLabels)
                .setVariable(Variables.FINISHED, simple("${routeId}"))
                .log(LoggingLevel.INFO, ImageCatalog.class.getName(),
                        "Execution ${variable.execution.executionId} for ${variable.execution.key} SUCCEEDED")
                .setBody(simple("${variable." + WRITE + ".succeeded}"));
    }
}
