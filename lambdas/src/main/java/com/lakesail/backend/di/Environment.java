package com.lakesail.backend.di;

/** The function's configuration, from the environment variables template.yaml sets. */
final class Environment {
    private Environment() {
    }

    static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + variable + " is not set");
        }
        return value;
    }

    /** The value, or null when unset or blank. */
    static String optional(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? null : value;
    }
}
