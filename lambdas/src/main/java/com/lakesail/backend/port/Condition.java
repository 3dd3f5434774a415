package com.lakesail.backend.port;

/**
 * The guard on a write. Every state change in the backend is conditional: creates use
 * {@link #notExists()}, updates and deletes use {@link #versionIs(long)} with the version that was
 * read, so a lost race surfaces as {@link ConditionFailedException} and never as a silent overwrite.
 */
public sealed interface Condition {

    /** No guard. Only for items nobody else can be writing (e.g. append-only records). */
    static Condition none() {
        return None.INSTANCE;
    }

    /** The item must not exist. The store does not interpret {@link Item#expiresAt()}: callers do. */
    static Condition notExists() {
        return NotExists.INSTANCE;
    }

    /** The item must exist, whatever its version. */
    static Condition exists() {
        return Exists.INSTANCE;
    }

    /** The item must exist with exactly this version. */
    static Condition versionIs(long version) {
        return new VersionIs(version);
    }

    enum None implements Condition { INSTANCE }

    enum NotExists implements Condition { INSTANCE }

    enum Exists implements Condition { INSTANCE }

    record VersionIs(long version) implements Condition {
    }
}
