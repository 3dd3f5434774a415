package com.lakesail.backend.service;

import com.lakesail.backend.domain.AccessPath;
import com.lakesail.backend.domain.AccessSnapshot;
import com.lakesail.backend.domain.Member;
import com.lakesail.backend.domain.Permission;
import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.port.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/** Answers "who can do this here?" with the path that grants it, for admins ({@code access:read}). */
public final class AccessService {
    private final Store store;
    private final Authorizer authorizer;

    @Inject
    public AccessService(Store store, Authorizer authorizer) {
        this.store = store;
        this.authorizer = authorizer;
    }

    /**
     * The members who hold {@code action} on {@code resource}, each with every path that grants it.
     *
     * @param teamNames names of the teams the paths go through, by id
     */
    public record WhoCan(Permission action, String resource, List<Holder> holders, Map<String, String> teamNames) {
    }

    public record Holder(Member member, List<AccessPath> paths) {
    }

    /** @param resource a resource id, or null for the organization */
    public WhoCan whoCan(Principal principal, String orgId, String action, String resource) {
        Caller caller = authorizer.require(principal, orgId, Permission.ACCESS_READ);
        Permission permission = Permission.parse(action);
        if (permission == null) {
            throw ValidationException.of("action", "is not a permission (resource:action, e.g. clusters:create)");
        }
        AccessSnapshot snapshot = caller.snapshot();
        String scope = authorizer.requireScope(snapshot, resource);
        Map<String, List<AccessPath>> byMember = new LinkedHashMap<>();
        for (AccessPath path : snapshot.whoCan(permission, authorizer.scopeChain(orgId, scope))) {
            byMember.computeIfAbsent(path.memberId(), m -> new ArrayList<>()).add(path);
        }
        List<Holder> holders = new ArrayList<>();
        byMember.forEach((memberId, paths) -> holders.add(new Holder(MemberService.load(store, snapshot, orgId, memberId), paths)));
        Map<String, String> teamNames = new LinkedHashMap<>();
        snapshot.teams().forEach((id, team) -> teamNames.put(id, team.name()));
        return new WhoCan(permission, scope == null ? orgId : scope, holders, teamNames);
    }
}
