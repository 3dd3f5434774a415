package com.lakesail.backend.service;

/**
 * The authenticated caller: a user, the token it presented, and the API request it is making (for
 * the audit log; null for calls made outside a request, such as the local bootstrap).
 */
public record Principal(String userId, String tokenId, String requestId) {

    public Principal(String userId, String tokenId) {
        this(userId, tokenId, null);
    }

    public Principal withRequestId(String id) {
        return new Principal(userId, tokenId, id);
    }
}
