package com.lakesail.backend.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The allowed transitions of one entity's status, declared once next to its status enum:
 *
 * <pre>{@code
 * static final Lifecycle<NetworkStatus> LIFECYCLE = Lifecycle.of(NetworkStatus.class)
 *     .allow(PENDING, PROVISIONING, FAILED)
 *     .allow(PROVISIONING, ACTIVE, FAILED)
 *     .build();
 * }</pre>
 *
 * A state with no outgoing transition is terminal. Services call {@link #check} before the
 * conditional write that moves an entity; the write itself guards against concurrent movers.
 */
public final class Lifecycle<S extends Enum<S>> {

    private final Class<S> type;
    private final Map<S, Set<S>> allowed;

    private Lifecycle(Class<S> type, Map<S, Set<S>> allowed) {
        this.type = type;
        this.allowed = allowed;
    }

    public static <S extends Enum<S>> Builder<S> of(Class<S> type) {
        return new Builder<>(type);
    }

    public boolean allows(S from, S to) {
        return allowed.get(from).contains(to);
    }

    /** The states reachable from {@code from} in one step. */
    public Set<S> next(S from) {
        return allowed.get(from);
    }

    public boolean isTerminal(S state) {
        return allowed.get(state).isEmpty();
    }

    /**
     * @throws ConflictException when the transition is not allowed: the entity is in the wrong state
     */
    public void check(S from, S to) {
        if (!allows(from, to)) {
            String noun = noun();
            String article = "aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ";
            throw new ConflictException(article + noun + " that is " + Wire.name(from) + " cannot become " + Wire.name(to));
        }
    }

    /** What callers call the entity: {@code ClusterStatus} → "cluster", {@code CloudAccountStatus} → "cloud account". */
    private String noun() {
        String simple = type.getSimpleName().replaceFirst("Status$", "");
        return simple.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    public static final class Builder<S extends Enum<S>> {
        private final Class<S> type;
        private final Map<S, Set<S>> allowed;

        private Builder(Class<S> type) {
            this.type = type;
            this.allowed = new EnumMap<>(type);
            for (S state : type.getEnumConstants()) {
                allowed.put(state, EnumSet.noneOf(type));
            }
        }

        @SafeVarargs
        public final Builder<S> allow(S from, S... to) {
            for (S target : to) {
                if (target == from) {
                    throw new IllegalArgumentException("self-transition " + from + " is not a transition");
                }
                allowed.get(from).add(target);
            }
            return this;
        }

        public Lifecycle<S> build() {
            Map<S, Set<S>> frozen = new EnumMap<>(type);
            allowed.forEach((state, targets) -> frozen.put(state, Collections.unmodifiableSet(EnumSet.copyOf(targets))));
            return new Lifecycle<>(type, Collections.unmodifiableMap(frozen));
        }
    }
}
