package com.lakesail.backend.domain.job;

import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.domain.Validator;
import com.lakesail.backend.domain.Wire;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
    public static final int MAX_PARAMETERS = 50;

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

    /** Declared parameters as a request carried them (null: none), each validated under {@code field[i]}. */
    public static List<JobParameter> validateAll(Validator v, String field, List<Input> inputs) {
        if (inputs == null) {
            return List.of();
        }
        v.require(inputs.size() <= MAX_PARAMETERS, field, "must declare at most " + MAX_PARAMETERS + " parameters");
        List<JobParameter> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            JobParameter p = validate(v, field + "[" + i + "]", inputs.get(i));
            if (p != null) {
                v.require(p.name() == null || names.add(p.name()), field + "[" + i + "].name", "repeats a parameter name");
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The values a run or statement gets: the declared defaults, overridden by {@code given}.
     *
     * @param owner what declares them, for messages ("this job version", "saved query qry_...")
     * @throws ValidationException naming {@code parameters.<name>} for an undeclared parameter, a value
     *     of the wrong type, or a parameter without default that was not given
     */
    public static Map<String, Object> resolve(List<JobParameter> parameters, Map<String, Object> given, String owner) {
        Map<String, Object> supplied = given == null ? Map.of() : given;
        Validator v = new Validator();
        Map<String, JobParameter> declared = new LinkedHashMap<>();
        parameters.forEach(p -> declared.put(p.name(), p));
        for (String name : new TreeMap<>(supplied).keySet()) {
            v.require(declared.containsKey(name), "parameters." + name, "is not a parameter of " + owner
                    + (declared.isEmpty() ? " (it declares none)" : " (it declares " + String.join(", ", declared.keySet()) + ")"));
        }
        Map<String, Object> resolved = new TreeMap<>();
        for (JobParameter p : declared.values()) {
            Object raw = supplied.get(p.name());
            if (raw == null) {
                v.require(p.defaultValue() != null, "parameters." + p.name(), "is required: it has no default");
                if (p.defaultValue() != null) {
                    resolved.put(p.name(), p.defaultValue());
                }
                continue;
            }
            Object value = p.type().coerce(raw);
            v.require(value != null, "parameters." + p.name(), "must be " + p.type().expected());
            if (value != null) {
                resolved.put(p.name(), value);
            }
        }
        v.throwIfInvalid();
        return resolved;
    }
}
