package com.lakesail.sdk.identity;

/**
 * The caller's identity: {@code GET /v1/me}. Obtain it from {@code LakeSail.me()}; implement it
 * to fake the service in a test.
 *
 * <pre>{@code
 * Me me = lakesail.me().get();
 * me.memberships().forEach(m -> System.out.println(m.organizationName() + " " + m.roles()));
 * }</pre>
 */
public interface MeService {

    /** The calling user and the organizations the user belongs to. */
    Me get();
}
