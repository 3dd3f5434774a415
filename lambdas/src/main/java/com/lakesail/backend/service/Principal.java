package com.lakesail.backend.service;

/** The authenticated caller: a user, and the token it presented. */
public record Principal(String userId, String tokenId) {
}
