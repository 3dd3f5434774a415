package com.lakesail.sdk.access;

/** Whether an audited attempt happened or was refused. */
public enum AuditOutcome {
    SUCCESS, DENIED, UNKNOWN_TO_SDK_VERSION
}
