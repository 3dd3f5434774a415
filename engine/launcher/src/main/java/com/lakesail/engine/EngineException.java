package com.lakesail.engine;

/** A child program could not be started, or stopped being what it should be (a Sail that never got ready). */
public class EngineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
