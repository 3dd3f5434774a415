package com.lakesail.sdk.access;

/**
 * One reason a member holds a permission.
 *
 * @param via {@code direct} or {@code team}
 * @param roleId the role that grants it
 * @param bindingId the binding
 * @param teamId the team, when via a team
 * @param teamName the team's name, when via a team
 * @param scope the binding's scope, or null for the whole organization
 * @param description the path in words
 */
public record AccessPath(String via, String roleId, String bindingId, String teamId, String teamName, String scope, String description) {

}
