package org.imageproc.catalog;

import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;

/**
 * A run's final write as the aws2-ddb endpoint's UpdateItem takes it (its key, update and condition headers), and what
 * the run produced once the write went through.
 */
public record AggregateWrite(Map<String, AttributeValue> key, Map<String, AttributeValueUpdate> updates,
        Map<String, ExpectedAttributeValue> expected, ImageSucceeded succeeded) {
}
