package com.lakesail.runner;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** How an entrypoint ended: the terminal event to send, and the runner's exit code. */
record Outcome(ObjectNode event, int exitCode) {

    static Outcome succeeded(ObjectNode event) {
        return new Outcome(event, 0);
    }

    /**
     * @param step the 1-based statement that failed, or null when not a statement's
     */
    static Outcome failed(Callbacks callbacks, String errorClass, String message, Integer step) {
        ObjectNode event = callbacks.event("failed").put("errorClass", errorClass).put("message", message);
        if (step != null) {
            event.put("step", step);
        }
        return new Outcome(event, 1);
    }

    /** The engine's error class when the failure has one (Spark's condition), else the exception's simple name. */
    static String errorClass(Throwable e) {
        if (e instanceof org.apache.spark.SparkThrowable st && st.getCondition() != null) {
            return st.getCondition();
        }
        return e.getClass().getSimpleName();
    }

    static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
