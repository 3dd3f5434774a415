package com.lakesail.sdk.exception;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The service answered with an error. Subclasses name the error codes of the API; this class
 * itself is thrown for a status the SDK does not know.
 *
 * <pre>{@code
 * try {
 *     lakesail.organizations().get("org_missing");
 * } catch (ResourceNotFoundException e) {
 *     System.err.println(e.code() + " " + e.requestId());
 * }
 * }</pre>
 */
public class LakeSailException extends SdkException {
    private static final long serialVersionUID = 1L;

    private final ServiceError error;

    public LakeSailException(ServiceError error) {
        super(describe(error));
        this.error = error;
    }

    /** The HTTP status code. */
    public int status() {
        return error.status();
    }

    /** The error code, such as {@code ValidationError}. */
    public String code() {
        return error.code();
    }

    /** The service's message alone, without status, code and request id. */
    public String errorMessage() {
        return error.message();
    }

    /** The request id to quote when reporting a problem; null if the response carried none. */
    public String requestId() {
        return error.requestId();
    }

    /** Field-level problems; empty when the error is not about fields. */
    public List<ErrorDetail> details() {
        return error.details();
    }

    public ServiceError serviceError() {
        return error;
    }

    private static String describe(ServiceError error) {
        String message = String.valueOf(error.message());
        StringBuilder text = new StringBuilder(message);
        // Services often spell the details out in the message already; say them once.
        List<String> unsaid = error.details().stream().map(ErrorDetail::toString)
                .filter(detail -> !message.contains(detail)).collect(Collectors.toList());
        if (!unsaid.isEmpty()) {
            text.append(" [").append(String.join("; ", unsaid)).append(']');
        }
        return text.append(" (Status: ").append(error.status()).append(", Code: ").append(error.code())
                .append(", Request ID: ").append(error.requestId()).append(')').toString();
    }
}
