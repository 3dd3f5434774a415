package com.lakesail.backend.domain;

/**
 * One reason a member holds a permission: a binding of a role to the member itself, or to a team
 * it belongs to, at a scope.
 *
 * @param teamId the team the binding is on, or null for a binding on the member itself
 * @param scope  the binding's scope, or null for the whole organization
 */
public record AccessPath(String memberId, String bindingId, String roleId, String teamId, String scope) {

    public boolean direct() {
        return teamId == null;
    }
}
