package com.lakesail.backend.service;

import com.lakesail.backend.domain.AccessSnapshot;
import com.lakesail.backend.domain.NotFoundException;

/** The resources a role binding can be scoped to and who-can can ask about. */
final class Scopes {
    private Scopes() {
    }

    /**
     * The resource id, or null for the organization itself (its id or nothing).
     *
     * @throws NotFoundException when the id names no scopable resource of the organization. Teams are
     *     the only ones so far; cloud accounts, networks, clusters, catalogs and jobs join here as
     *     they arrive.
     */
    static String requireKnown(AccessSnapshot snapshot, String resourceId) {
        if (resourceId == null || resourceId.equals(snapshot.organizationId())) {
            return null;
        }
        if (!snapshot.teams().containsKey(resourceId)) {
            throw new NotFoundException("resource " + resourceId + " not found");
        }
        return resourceId;
    }
}
