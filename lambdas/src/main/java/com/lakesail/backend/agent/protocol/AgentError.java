package com.lakesail.backend.agent.protocol;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Why the agent did not do what it was asked, and whether asking again may help. The agent decides
 * {@code retryable}: it alone knows whether Kubernetes was unreachable or refused.
 */
public record AgentError(Code code, String message, boolean retryable) {

    /** Error codes on the wire (PascalCase, as the REST API's). */
    public enum Code {
        /** Not JSON, or a field missing or of the wrong shape; the message names it. */
        @JsonProperty("MalformedCommand") MALFORMED_COMMAND,
        /** A protocol version this agent does not speak: the cluster's agent must be updated. */
        @JsonProperty("UnsupportedProtocol") UNSUPPORTED_PROTOCOL,
        /** A command this agent does not know: the cluster's agent must be updated. */
        @JsonProperty("UnknownCommand") UNKNOWN_COMMAND,
        /** Well-formed, but not something to run (a catalog without its location, two Delta catalogs). */
        @JsonProperty("InvalidSpec") INVALID_SPEC,
        /** What the command needs is not there (a runner for a Sail that does not exist). */
        @JsonProperty("NotFound") NOT_FOUND,
        /** What the command created is not ready for its next step yet (a load balancer without its address): retry. */
        @JsonProperty("NotReady") NOT_READY,
        /** The cluster's Kubernetes API did not answer (starting, overloaded, a network fault). */
        @JsonProperty("ClusterUnreachable") CLUSTER_UNREACHABLE,
        /** The Kubernetes API refused; retryable for conflicts, throttling and server errors. */
        @JsonProperty("KubernetesError") KUBERNETES_ERROR,
        /** A fault of the agent's own; also what a code newer than this reader reads as. */
        @JsonEnumDefaultValue @JsonProperty("InternalError") INTERNAL_ERROR
    }

    /** The same error as an exception, for code that stops at the first one. */
    public AgentException toException() {
        return new AgentException(this, null);
    }
}
