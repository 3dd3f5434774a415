package com.lakesail.local.workflow.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.local.workflow.data.Json;
import com.lakesail.local.workflow.data.PathExpression;
import com.lakesail.local.workflow.data.StateFailure;
import com.lakesail.local.workflow.data.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** A Choice Rule: a comparison on a variable, or And / Or / Not over nested rules. */
public sealed interface ChoiceRule {

    boolean matches(JsonNode input, Supplier<JsonNode> context);

    /** A top-level rule and the state it leads to. */
    record Branch(ChoiceRule rule, String next) {
    }

    record And(List<ChoiceRule> rules) implements ChoiceRule {
        @Override
        public boolean matches(JsonNode input, Supplier<JsonNode> context) {
            for (ChoiceRule rule : rules) {
                if (!rule.matches(input, context)) {
                    return false;
                }
            }
            return true;
        }
    }

    record Or(List<ChoiceRule> rules) implements ChoiceRule {
        @Override
        public boolean matches(JsonNode input, Supplier<JsonNode> context) {
            for (ChoiceRule rule : rules) {
                if (rule.matches(input, context)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Not(ChoiceRule rule) implements ChoiceRule {
        @Override
        public boolean matches(JsonNode input, Supplier<JsonNode> context) {
            return !rule.matches(input, context);
        }
    }

    /**
     * {@code Variable} compared with a literal, or with another path's value ({@code ...Path}
     * operators). A value of the wrong type makes the comparison false; a variable or value path
     * that selects nothing is States.Runtime, except for {@code IsPresent}.
     *
     * @param pattern the compiled {@code StringMatches} pattern, else null
     */
    record Comparison(PathExpression variable, ChoiceOperator operator, JsonNode value, PathExpression valuePath,
                      Pattern pattern) implements ChoiceRule {
        @Override
        public boolean matches(JsonNode input, Supplier<JsonNode> context) {
            JsonNode actual = variable.select(input, context);
            if (operator.kind() == ChoiceOperator.Kind.IS_PRESENT) {
                return (actual != null) == value.booleanValue();
            }
            if (actual == null) {
                throw StateFailure.runtime("Invalid path '" + variable.text()
                        + "': The choice state's condition path references an invalid value.");
            }
            JsonNode expected = value;
            if (valuePath != null) {
                expected = valuePath.select(input, context);
                if (expected == null) {
                    throw StateFailure.runtime("Invalid path '" + valuePath.text()
                            + "': The choice state's condition path references an invalid value.");
                }
            }
            return switch (operator.kind()) {
                case STRING -> actual.isTextual() && expected.isTextual()
                        && operator.test(actual.textValue().compareTo(expected.textValue()));
                case NUMERIC -> actual.isNumber() && expected.isNumber()
                        && operator.test(actual.decimalValue().compareTo(expected.decimalValue()));
                case BOOLEAN -> actual.isBoolean() && expected.isBoolean()
                        && actual.booleanValue() == expected.booleanValue();
                case TIMESTAMP -> compareTimestamps(actual, expected);
                case STRING_MATCHES -> actual.isTextual() && pattern.matcher(actual.textValue()).matches();
                case IS_NULL -> actual.isNull() == expected.booleanValue();
                case IS_NUMERIC -> actual.isNumber() == expected.booleanValue();
                case IS_STRING -> actual.isTextual() == expected.booleanValue();
                case IS_BOOLEAN -> actual.isBoolean() == expected.booleanValue();
                case IS_TIMESTAMP -> (actual.isTextual() && Timestamps.parse(actual.textValue()) != null)
                        == expected.booleanValue();
                case IS_PRESENT -> throw new IllegalStateException();
            };
        }

        private boolean compareTimestamps(JsonNode actual, JsonNode expected) {
            Instant a = actual.isTextual() ? Timestamps.parse(actual.textValue()) : null;
            Instant b = expected.isTextual() ? Timestamps.parse(expected.textValue()) : null;
            return a != null && b != null && operator.test(a.compareTo(b));
        }

        @Override
        public String toString() {
            return variable.text() + " " + operator.name() + " "
                    + (valuePath != null ? valuePath.text() : Json.write(value));
        }
    }

    /**
     * Compiles a {@code StringMatches} pattern: {@code *} matches any run of characters, {@code \*}
     * is a literal star and {@code \\} a literal backslash.
     */
    static Pattern wildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length() && (pattern.charAt(i + 1) == '*' || pattern.charAt(i + 1) == '\\')) {
                literal.append(pattern.charAt(++i));
            } else if (c == '*') {
                regex.append(Pattern.quote(literal.toString())).append(".*");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
