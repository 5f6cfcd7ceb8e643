package org.imageproc.photo;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Turns a DynamoDB item into plain Java values (strings, numbers, booleans, lists, maps) for JSON. */
final class ItemValues {

    private ItemValues() {
    }

    /** The item's attributes sorted by name, each as a plain value. */
    static Map<String, Object> plain(Map<String, AttributeValue> item) {
        Map<String, Object> values = new TreeMap<>();
        item.forEach((name, value) -> values.put(name, plain(value)));
        return values;
    }

    private static Object plain(AttributeValue value) {
        return switch (value.type()) {
            case S -> value.s();
            case N -> new BigDecimal(value.n());
            case BOOL -> value.bool();
            case L -> value.l().stream().map(ItemValues::plain).toList();
            case M -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.m().forEach((k, v) -> map.put(k, plain(v)));
                yield map;
            }
            case SS -> value.ss();
            case NS -> value.ns().stream().map(BigDecimal::new).toList();
            default -> null;
        };
    }
}
