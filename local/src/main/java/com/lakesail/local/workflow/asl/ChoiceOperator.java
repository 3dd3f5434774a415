package com.lakesail.local.workflow.asl;

import java.util.HashMap;
import java.util.Map;

/**
 * A Choice Rule comparison operator such as {@code NumericLessThanEqualsPath}: what it compares,
 * how, and whether its operand is a literal or a path.
 */
public record ChoiceOperator(String name, Kind kind, Order order, boolean path) {

    public enum Kind {
        STRING, NUMERIC, BOOLEAN, TIMESTAMP, STRING_MATCHES,
        IS_NULL, IS_PRESENT, IS_NUMERIC, IS_STRING, IS_BOOLEAN, IS_TIMESTAMP
    }

    public enum Order {
        EQUALS, LESS_THAN, GREATER_THAN, LESS_THAN_EQUALS, GREATER_THAN_EQUALS
    }

    private static final Map<String, ChoiceOperator> BY_NAME = new HashMap<>();

    static {
        Map<String, Kind> ordered = Map.of("String", Kind.STRING, "Numeric", Kind.NUMERIC, "Timestamp", Kind.TIMESTAMP);
        Map<String, Order> orders = Map.of("Equals", Order.EQUALS, "LessThan", Order.LESS_THAN,
                "GreaterThan", Order.GREATER_THAN, "LessThanEquals", Order.LESS_THAN_EQUALS,
                "GreaterThanEquals", Order.GREATER_THAN_EQUALS);
        ordered.forEach((prefix, kind) -> orders.forEach((suffix, order) -> {
            add(prefix + suffix, kind, order, false);
            add(prefix + suffix + "Path", kind, order, true);
        }));
        add("BooleanEquals", Kind.BOOLEAN, Order.EQUALS, false);
        add("BooleanEqualsPath", Kind.BOOLEAN, Order.EQUALS, true);
        add("StringMatches", Kind.STRING_MATCHES, Order.EQUALS, false);
        add("IsNull", Kind.IS_NULL, Order.EQUALS, false);
        add("IsPresent", Kind.IS_PRESENT, Order.EQUALS, false);
        add("IsNumeric", Kind.IS_NUMERIC, Order.EQUALS, false);
        add("IsString", Kind.IS_STRING, Order.EQUALS, false);
        add("IsBoolean", Kind.IS_BOOLEAN, Order.EQUALS, false);
        add("IsTimestamp", Kind.IS_TIMESTAMP, Order.EQUALS, false);
    }

    private static void add(String name, Kind kind, Order order, boolean path) {
        BY_NAME.put(name, new ChoiceOperator(name, kind, order, path));
    }

    /** The operator named by a field of a Choice Rule, or null when the field is not an operator. */
    public static ChoiceOperator named(String field) {
        return BY_NAME.get(field);
    }

    /** Whether a comparison result ({@code compareTo} sign) satisfies this operator's order. */
    public boolean test(int comparison) {
        return switch (order) {
            case EQUALS -> comparison == 0;
            case LESS_THAN -> comparison < 0;
            case GREATER_THAN -> comparison > 0;
            case LESS_THAN_EQUALS -> comparison <= 0;
            case GREATER_THAN_EQUALS -> comparison >= 0;
        };
    }

    /** The type of literal operand this operator takes (for validation): string, number, boolean or timestamp. */
    public String operandType() {
        return switch (kind) {
            case STRING, STRING_MATCHES -> "string";
            case NUMERIC -> "number";
            case TIMESTAMP -> "timestamp";
            default -> "boolean";
        };
    }
}
