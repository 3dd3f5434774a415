package com.lakesail.backend.agent.protocol;

/** An {@link AgentError} thrown: the agent answers it as is, the control plane maps it to its own port's error. */
public final class AgentException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient AgentError error;

    public AgentException(AgentError error, Throwable cause) {
        super(error.message(), cause);
        this.error = error;
    }

    public static AgentException of(AgentError.Code code, String message, boolean retryable) {
        return new AgentException(new AgentError(code, message, retryable), null);
    }

    public AgentError error() {
        return error;
    }
}
