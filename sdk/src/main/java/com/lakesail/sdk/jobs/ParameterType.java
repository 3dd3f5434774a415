package com.lakesail.sdk.jobs;

/** A job parameter's type, as Spark SQL names it; dates and timestamps travel as ISO-8601 strings. */
public enum ParameterType {
    STRING, BIGINT, DOUBLE, BOOLEAN, DATE, TIMESTAMP,
    /** A value this SDK version does not know; a newer one may. */
    UNKNOWN_TO_SDK_VERSION
}
