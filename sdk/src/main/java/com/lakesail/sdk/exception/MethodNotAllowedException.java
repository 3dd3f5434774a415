package com.lakesail.sdk.exception;

/**
 * 405 {@code MethodNotAllowed}: the path exists but not with this method (the response's
 * {@code Allow} header lists those it takes). Seen when a client and the service disagree on the
 * API's shape, such as an SDK newer than the backend it talks to.
 */
public class MethodNotAllowedException extends LakeSailException {
    private static final long serialVersionUID = 1L;

    public MethodNotAllowedException(ServiceError error) {
        super(error);
    }
}
