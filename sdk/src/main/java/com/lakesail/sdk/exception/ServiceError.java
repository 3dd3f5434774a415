package com.lakesail.sdk.exception;

import java.util.List;

/**
 * The error the service answered: HTTP status, error code, message, request id and field details.
 *
 * <pre>{@code
 * ServiceError error = ServiceError.builder().status(404).code("ResourceNotFound")
 *     .message("organization not found").requestId("req_1").build();
 * throw new ResourceNotFoundException(error);   // e.g. from a mock service in a test
 * }</pre>
 *
 * @param status the HTTP status code
 * @param code the error code, such as {@code ResourceNotFound}
 * @param message the human-readable message
 * @param requestId the id of the request, to quote when reporting a problem; may be null
 * @param details field-level problems (never null)
 */
public record ServiceError(int status, String code, String message, String requestId, List<ErrorDetail> details) {

    public ServiceError {
        details = details == null ? List.of() : List.copyOf(details);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().status(status).code(code).message(message).requestId(requestId).details(details);
    }

    /** Builds a {@link ServiceError}. */
    public static final class Builder {
        private int status;
        private String code;
        private String message;
        private String requestId;
        private List<ErrorDetail> details;

        private Builder() {
        }

        public Builder status(int status) {
            this.status = status;
            return this;
        }

        public Builder code(String code) {
            this.code = code;
            return this;
        }

        public Builder message(String message) {
            this.message = message;
            return this;
        }

        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder details(List<ErrorDetail> details) {
            this.details = details;
            return this;
        }

        public ServiceError build() {
            return new ServiceError(status, code, message, requestId, details);
        }
    }
}
