package com.lakesail.backend.service.infra;

import com.lakesail.backend.port.Condition;

/**
 * A guard item's body as read, with the condition that writes it back only if nobody changed it
 * meanwhile: {@code notExists} when it was absent, else the version read.
 */
record Versioned<T>(T value, long version, boolean exists) {

    Condition condition() {
        return exists ? Condition.versionIs(version) : Condition.notExists();
    }

    long nextVersion() {
        return version + 1;
    }
}
