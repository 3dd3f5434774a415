package com.lakesail.sdk.jobs;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A parameter a version declares: in SQL a Spark named parameter ({@code :day}). Runs may pass
 * only declared parameters; one without a default must be passed.
 *
 * <pre>{@code
 * JobParameter day = JobParameter.required("day", ParameterType.DATE);
 * JobParameter limit = JobParameter.of("limit", ParameterType.BIGINT, 100);
 * }</pre>
 *
 * @param defaultValue a String, Number or Boolean; null when every run must pass the parameter
 */
public record JobParameter(String name, ParameterType type, @JsonProperty("default") Object defaultValue) {

    public static JobParameter of(String name, ParameterType type, Object defaultValue) {
        return new JobParameter(name, type, defaultValue);
    }

    public static JobParameter required(String name, ParameterType type) {
        return new JobParameter(name, type, null);
    }
}
