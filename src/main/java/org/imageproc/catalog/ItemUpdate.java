package org.imageproc.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Collects SET and REMOVE clauses, and a condition, into one DynamoDB UpdateItem with placeholder names and values. */
final class ItemUpdate {

    private final List<String> sets = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();
    private final List<String> conditions = new ArrayList<>();

    /** Sets a top-level attribute, or removes it when the value is null. */
    ItemUpdate set(String attribute, AttributeValue value) {
        String name = name(attribute);
        if (value == null) {
            removes.add(name);
        } else {
            String placeholder = ":v" + values.size();
            values.put(placeholder, value);
            sets.add(name + " = " + placeholder);
        }
        return this;
    }

    ItemUpdate remove(String attribute) {
        removes.add(name(attribute));
        return this;
    }

    /** Applies the update only while {@code attribute} equals {@code value} (and any other such condition holds). */
    ItemUpdate onlyIf(String attribute, AttributeValue value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        conditions.add(name(attribute) + " = " + placeholder);
        return this;
    }

    UpdateItemRequest toRequest(String table, Map<String, AttributeValue> key) {
        StringBuilder expression = new StringBuilder();
        if (!sets.isEmpty()) {
            expression.append("SET ").append(String.join(", ", sets));
        }
        if (!removes.isEmpty()) {
            expression.append(expression.isEmpty() ? "" : " ").append("REMOVE ").append(String.join(", ", removes));
        }
        UpdateItemRequest.Builder builder = UpdateItemRequest.builder().tableName(table).key(key)
                .updateExpression(expression.toString()).expressionAttributeNames(names)
                .conditionExpression(conditions.isEmpty() ? null : String.join(" AND ", conditions));
        if (!values.isEmpty()) {
            builder.expressionAttributeValues(values);
        }
        return builder.build();
    }

    private String name(String attribute) {
        String placeholder = "#n" + names.size();
        names.put(placeholder, attribute);
        return placeholder;
    }
}
