package com.lakesail.sdk.jobs;

/** What a run executes: SQL statements or a jar's main class. */
public enum EntrypointType {
    SQL, JAR,
    /** A value this SDK version does not know; a newer one may. */
    UNKNOWN_TO_SDK_VERSION
}
