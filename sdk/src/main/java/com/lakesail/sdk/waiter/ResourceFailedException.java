package com.lakesail.sdk.waiter;

import com.lakesail.sdk.exception.SdkException;

/**
 * A {@link Waiter} saw the resource reach a terminal failure state; the wait ends at once.
 */
public class ResourceFailedException extends SdkException {
    private static final long serialVersionUID = 1L;

    private final transient Lifecycle resource;

    public ResourceFailedException(Lifecycle resource) {
        super("resource failed: status " + resource.status().value()
                + (resource.stage() == null ? "" : " at stage " + resource.stage())
                + (resource.statusReason() == null ? "" : ": " + resource.statusReason()));
        this.resource = resource;
    }

    /** The failed status as the API spells it, e.g. {@code failed}. */
    public String status() {
        return resource.status().value();
    }

    /** The stage the work failed in; may be null. */
    public String stage() {
        return resource.stage();
    }

    /** Why it failed, as the service reported; may be null. */
    public String statusReason() {
        return resource.statusReason();
    }

    /** The resource as last read. */
    public Lifecycle resource() {
        return resource;
    }
}
