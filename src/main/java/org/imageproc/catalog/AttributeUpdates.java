package org.imageproc.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;

/** Collects whole top-level attributes to put or delete: UpdateItem's AttributeUpdates, which aws2-ddb sends. */
final class AttributeUpdates {

    private final Map<String, AttributeValueUpdate> updates = new LinkedHashMap<>();

    /** Puts the attribute, or deletes it when the value is null. */
    AttributeUpdates put(String attribute, AttributeValue value) {
        updates.put(attribute, value == null ? deletion()
                : AttributeValueUpdate.builder().action(AttributeAction.PUT).value(value).build());
        return this;
    }

    AttributeUpdates delete(String... attributes) {
        for (String attribute : attributes) {
            updates.put(attribute, deletion());
        }
        return this;
    }

    Map<String, AttributeValueUpdate> updates() {
        return Collections.unmodifiableMap(updates);
    }

    private static AttributeValueUpdate deletion() {
        return AttributeValueUpdate.builder().action(AttributeAction.DELETE).build();
    }
}
