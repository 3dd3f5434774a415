package com.lakesail.sdk.jobs;

/** A version is {@code draft} until promoted, {@code live} while new runs pin it, {@code retired} after. */
public enum JobVersionStatus {
    DRAFT, LIVE, RETIRED,
    /** A value this SDK version does not know; a newer one may. */
    UNKNOWN_TO_SDK_VERSION
}
