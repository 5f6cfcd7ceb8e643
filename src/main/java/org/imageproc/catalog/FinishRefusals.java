package org.imageproc.catalog;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Handler;
import org.apache.camel.Variable;
import org.imageproc.run.Execution;
import org.imageproc.run.Variables;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Says what a refused final write means (see {@link ImageCatalog#refusal}), for the finish-execution route. */
public final class FinishRefusals {

    @Handler
    public void refuse(@Variable(Variables.EXECUTION) Execution execution,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) DynamoDbException refused) {
        throw ImageCatalog.refusal(execution, refused);
    }
}
