package com.lakesail.sdk.access;

import java.util.List;

/**
 * A member who holds a permission, with every path that grants it.
 *
 * @param memberId the member
 * @param userId its user
 * @param email its email
 * @param paths why it holds it
 */
public record AccessHolder(String memberId, String userId, String email, List<AccessPath> paths) {

    public AccessHolder {
        paths = paths == null ? List.of() : List.copyOf(paths);
    }
}
