package com.lakesail.cli.commands;

import com.lakesail.sdk.jobs.ParameterType;
import java.util.Locale;
import java.util.function.Function;

/**
 * Parameter values typed on the command line, converted to the JSON value the API takes for their
 * type (5, not "5"). Dates and timestamps travel as ISO-8601 text.
 */
final class ParameterValues {

    private ParameterValues() {
    }

    /** {@code text} as a value of {@code type}; {@code error} makes the exception from a message such as "is a bigint, not x". */
    static Object typed(ParameterType type, String text, Function<String, RuntimeException> error) {
        try {
            return switch (type) {
                case BIGINT -> Long.parseLong(text);
                case DOUBLE -> Double.parseDouble(text);
                case BOOLEAN -> {
                    if (!text.equals("true") && !text.equals("false")) {
                        throw new NumberFormatException();
                    }
                    yield Boolean.parseBoolean(text);
                }
                default -> text;
            };
        } catch (NumberFormatException e) {
            throw error.apply("is a " + type.toString().toLowerCase(Locale.ROOT) + ", not " + text);
        }
    }

    /**
     * A value for SQL that declares nothing: an integer or a decimal number, true or false, else the
     * text itself. Quote-free on purpose: {@code -p day=2026-12-01} is text, {@code -p n=5} a number.
     */
    static Object inferred(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        if (text.matches("-?(0|[1-9][0-9]{0,17})")) {
            return Long.parseLong(text);
        }
        if (text.matches("-?(0|[1-9][0-9]*)\\.[0-9]+")) {
            return Double.parseDouble(text);
        }
        return text;
    }
}
