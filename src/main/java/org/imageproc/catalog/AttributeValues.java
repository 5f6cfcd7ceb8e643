package org.imageproc.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Builds DynamoDB attribute values from plain Java values, leaving out what is absent. */
final class AttributeValues {

    private AttributeValues() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(Number value) {
        return AttributeValue.fromN(value.toString());
    }

    static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    static AttributeValue strings(Collection<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValues::s).toList());
    }

    /** A map attribute; entries whose value is null are left out. */
    static AttributeValue map(Map<String, AttributeValue> entries) {
        Map<String, AttributeValue> present = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            if (v != null) {
                present.put(k, v);
            }
        });
        return AttributeValue.fromM(present);
    }

    static AttributeValue sOrNull(String value) {
        return value == null ? null : s(value);
    }

    static AttributeValue nOrNull(Number value) {
        return value == null ? null : n(value);
    }
}
