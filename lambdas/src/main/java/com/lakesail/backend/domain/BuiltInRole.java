package com.lakesail.backend.domain;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Roles every organization has; they cannot be changed or deleted. The creator of an organization
 * is its {@link #OWNER}.
 *
 * <pre>
 * owner        every permission
 * admin        every permission but organizations:update, so only an owner can make an owner
 *              (nobody grants a permission they lack)
 * infra-admin  viewer + cloud accounts, networks, clusters and catalogs: create, update, delete
 * developer    analyst + jobs (create, update, delete, promote, pause, run), cancelling job runs and putting
 *              custom events (which start the runs of jobs with event triggers)
 * analyst      viewer + queries and sessions (create, connect, execute, close)
 * viewer       every :read permission except audit:read, access:read and invitations:read
 * </pre>
 */
public enum BuiltInRole {
    OWNER("owner", "Everything, including the organization's settings.", EnumSet.allOf(Permission.class)),
    ADMIN("admin", "Everything but the organization's settings; manages people and access.",
            except(EnumSet.allOf(Permission.class), Permission.ORGANIZATIONS_UPDATE)),
    INFRA_ADMIN("infra-admin", "Cloud accounts, networks, clusters and catalogs.",
            union(viewer(), resources("cloud-accounts", "networks", "clusters", "catalogs"))),
    DEVELOPER("developer", "Jobs and their runs, queries and sessions.",
            union(analyst(), resources("jobs"), EnumSet.of(Permission.JOB_RUNS_CANCEL, Permission.EVENTS_PUT))),
    ANALYST("analyst", "Queries and sessions.", analyst()),
    VIEWER("viewer", "Reads everything but the audit log, access paths and invitations.", viewer());

    private final String id;
    private final String description;
    private final Set<Permission> permissions;

    BuiltInRole(String id, String description, Set<Permission> permissions) {
        this.id = id;
        this.description = description;
        this.permissions = Collections.unmodifiableSet(permissions);
    }

    /** The role id, also its name: {@code infra-admin}. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean grants(Permission permission) {
        return permissions.contains(permission);
    }

    /** The built-in role with this id, or null. */
    public static BuiltInRole byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst().orElse(null);
    }

    private static EnumSet<Permission> viewer() {
        EnumSet<Permission> set = EnumSet.noneOf(Permission.class);
        for (Permission p : Permission.values()) {
            if (p.action().equals("read")) {
                set.add(p);
            }
        }
        set.removeAll(EnumSet.of(Permission.AUDIT_READ, Permission.ACCESS_READ, Permission.INVITATIONS_READ));
        return set;
    }

    private static EnumSet<Permission> analyst() {
        return union(viewer(), resources("queries", "sessions"));
    }

    private static EnumSet<Permission> resources(String... resources) {
        EnumSet<Permission> set = EnumSet.noneOf(Permission.class);
        for (Permission p : Permission.values()) {
            if (Arrays.asList(resources).contains(p.resource())) {
                set.add(p);
            }
        }
        return set;
    }

    @SafeVarargs
    private static EnumSet<Permission> union(Set<Permission>... sets) {
        EnumSet<Permission> all = EnumSet.noneOf(Permission.class);
        for (Set<Permission> s : sets) {
            all.addAll(s);
        }
        return all;
    }

    private static EnumSet<Permission> except(EnumSet<Permission> set, Permission removed) {
        set.remove(removed);
        return set;
    }
}
