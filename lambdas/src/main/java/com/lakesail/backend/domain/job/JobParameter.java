package com.lakesail.backend.domain.job;

import com.lakesail.backend.domain.Validator;
import com.lakesail.backend.domain.Wire;
import java.util.regex.Pattern;

/**
 * A parameter a version declares: runs may pass only declared parameters, and those without a
 * default must be passed. In SQL it is a Spark named parameter ({@code :day}).
 *
 * @param defaultValue the value a run gets when it passes none (a String, Long, Double or Boolean),
 *                     or null when every run must pass it
 */
public record JobParameter(String name, ParameterType type, Object defaultValue) {
    public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    public JobParameter {
        // Stored JSON reads small integers back as Integer: keep the canonical form.
        defaultValue = defaultValue == null || type == null ? defaultValue : type.coerce(defaultValue);
    }

    /** Raw parameter fields as a request carried them. */
    public record Input(String name, String type, Object defaultValue) {
    }

    static JobParameter validate(Validator v, String field, Input in) {
        v.require(in.name() != null && NAME.matcher(in.name()).matches(), field + ".name",
                "must be a name of letters, digits and underscores (at most 64), not starting with a digit");
        ParameterType type = in.type() == null ? ParameterType.STRING : Wire.parse(ParameterType.class, in.type());
        if (type == null) {
            v.require(false, field + ".type", "must be one of string, bigint, double, boolean, date, timestamp");
            return null;
        }
        Object value = in.defaultValue() == null ? null : type.coerce(in.defaultValue());
        v.require(in.defaultValue() == null || value != null, field + ".default", "must be " + type.expected());
        return new JobParameter(in.name(), type, value);
    }
}
