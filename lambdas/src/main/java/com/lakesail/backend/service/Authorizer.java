package com.lakesail.backend.service;

import com.lakesail.backend.domain.AccessDeniedException;
import com.lakesail.backend.domain.BuiltInRole;
import com.lakesail.backend.domain.Member;
import com.lakesail.backend.domain.NotFoundException;
import com.lakesail.backend.domain.Organization;
import com.lakesail.backend.domain.Permission;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.store.Items;
import com.lakesail.backend.store.Keys;
import javax.inject.Inject;

/**
 * Called at the entry of every tenant operation. Not being a member of an organization looks
 * exactly like the organization not existing (404), so ids of other tenants reveal nothing.
 */
public final class Authorizer {
    private final Store store;

    @Inject
    public Authorizer(Store store) {
        this.store = store;
    }

    /** The caller's membership in {@code orgId}, if it grants {@code permission}: one store read. */
    public Member require(Principal principal, String orgId, Permission permission) {
        Member member = (RandomIds.looksLike(Organization.ID_PREFIX, orgId)
                ? store.get(Keys.memberByUser(orgId, principal.userId())).map(item -> Items.decode(item, Member.class))
                : java.util.Optional.<Member>empty())
                .orElseThrow(() -> new NotFoundException("organization " + orgId + " not found"));
        boolean granted = member.roles().stream()
                .map(role -> Wire.parse(BuiltInRole.class, role))
                .anyMatch(role -> role != null && role.grants(permission));
        if (!granted) {
            throw new AccessDeniedException("missing permission " + permission.wire() + " in organization " + orgId);
        }
        return member;
    }
}
