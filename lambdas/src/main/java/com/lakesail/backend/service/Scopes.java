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
     * @throws NotFoundException when the id names no scopable resource of the organization: one of its
     *     teams, or a resource {@code hierarchy} knows (cloud accounts, networks, clusters, catalogs)
     */
    static String requireKnown(AccessSnapshot snapshot, String resourceId, ResourceHierarchy hierarchy) {
        if (resourceId == null || resourceId.equals(snapshot.organizationId())) {
            return null;
        }
        if (!snapshot.teams().containsKey(resourceId) && !hierarchy.contains(snapshot.organizationId(), resourceId)) {
            throw new NotFoundException("resource " + resourceId + " not found");
        }
        return resourceId;
    }
}
