package com.lakesail.backend.domain.job;

/** What a run executes: SQL statements (inline, or a saved query once queries exist) or a jar's main class. */
public enum EntrypointType {
    SQL, JAR
}
