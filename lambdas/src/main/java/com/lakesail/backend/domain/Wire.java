package com.lakesail.backend.domain;

import java.util.Locale;

/** Enum values on the wire: lower snake case ({@code CREATING_SAIL} is {@code creating_sail}). */
public final class Wire {
    private Wire() {
    }

    public static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The constant named by {@code wire}, or null when there is none. */
    public static <E extends Enum<E>> E parse(Class<E> type, String wire) {
        if (wire == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (name(constant).equals(wire)) {
                return constant;
            }
        }
        return null;
    }
}
