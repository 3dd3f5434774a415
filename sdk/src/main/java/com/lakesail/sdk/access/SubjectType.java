package com.lakesail.sdk.access;

/** What a role binding is granted to. */
public enum SubjectType {
    MEMBER, TEAM, UNKNOWN_TO_SDK_VERSION
}
