package com.lakesail.local.workflow.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Value comparisons where JSON numbers compare by value (1 equals 1.0), as in JSON itself. */
public final class JsonValues {
    private JsonValues() {
    }

    public static boolean equal(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    /** A representative for hashing: numbers normalised so that equal values hash alike. */
    public static JsonNode canonical(JsonNode node) {
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue().stripTrailingZeros();
            return Json.NODES.numberNode(value.scale() < 0 ? value.setScale(0) : value);
        }
        return node;
    }

    public static boolean isIntegral(JsonNode number) {
        if (number.isIntegralNumber()) {
            return true;
        }
        BigDecimal value = number.decimalValue();
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }
}
