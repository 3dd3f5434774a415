package com.lakesail.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import scala.collection.Iterable;
import scala.collection.Map;

/**
 * A result cell as JSON: numbers, strings, booleans and null as themselves; decimals as strings
 * (JSON numbers lose digits); dates and timestamps as ISO-8601; binary as base64; arrays, maps
 * and structs as JSON arrays and objects. Non-finite floats become the strings Spark prints.
 */
final class Cells {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Cells() {
    }

    static JsonNode json(Object value) {
        if (value == null) {
            return JSON.nullNode();
        }
        if (value instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer) {
            return JSON.numberNode(((Number) value).intValue());
        }
        if (value instanceof Long l) {
            return JSON.numberNode(l);
        }
        if (value instanceof Float || value instanceof Double) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? JSON.numberNode(d) : JSON.textNode(Double.toString(d));
        }
        if (value instanceof BigDecimal d) {
            return JSON.textNode(d.toPlainString());
        }
        if (value instanceof byte[] bytes) {
            return JSON.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        if (value instanceof java.sql.Date d) {
            return JSON.textNode(d.toLocalDate().toString());
        }
        if (value instanceof java.sql.Timestamp t) {
            return JSON.textNode(t.toInstant().toString());
        }
        if (value instanceof LocalDate || value instanceof LocalDateTime || value instanceof java.time.Instant) {
            return JSON.textNode(value.toString());
        }
        if (value instanceof Row row) {
            return struct(row);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = JSON.objectNode();
            map.foreach(entry -> object.set(String.valueOf(entry._1()), json(entry._2())));
            return object;
        }
        if (value instanceof Iterable<?> items) {
            ArrayNode array = JSON.arrayNode();
            items.foreach(item -> array.add(json(item)));
            return array;
        }
        return JSON.textNode(value.toString());
    }

    private static JsonNode struct(Row row) {
        if (row.schema() == null) {
            ArrayNode values = JSON.arrayNode();
            for (int i = 0; i < row.length(); i++) {
                values.add(json(row.get(i)));
            }
            return values;
        }
        ObjectNode object = JSON.objectNode();
        StructField[] fields = row.schema().fields();
        for (int i = 0; i < fields.length; i++) {
            object.set(fields[i].name(), json(row.get(i)));
        }
        return object;
    }
}
