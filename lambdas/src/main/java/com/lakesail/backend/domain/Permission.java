package com.lakesail.backend.domain;

import java.util.List;

/**
 * The permission catalogue: one {@code resource:action} per kind of operation, each with the REST
 * routes (DESIGN §6) it guards, including the workload routes still to come. Every tenant route is
 * listed here exactly once; the routes that act only on the caller itself are in
 * {@link #CALLER_ROUTES}. Built-in roles are sets of these (see {@link BuiltInRole}); a test checks
 * the router against this catalogue, so a new route cannot go unguarded.
 */
public enum Permission {
    ORGANIZATIONS_READ("organizations:read", "GET /v1/orgs/{orgId}"),
    ORGANIZATIONS_UPDATE("organizations:update", "PATCH /v1/orgs/{orgId}"),
    AUDIT_READ("audit:read", "GET /v1/orgs/{orgId}/audit-events"),
    ACCESS_READ("access:read", "GET /v1/orgs/{orgId}/access/who-can"),

    MEMBERS_READ("members:read", "GET /v1/orgs/{orgId}/members", "GET /v1/orgs/{orgId}/members/{memberId}"),
    MEMBERS_DELETE("members:delete", "DELETE /v1/orgs/{orgId}/members/{memberId}"),

    INVITATIONS_CREATE("invitations:create", "POST /v1/orgs/{orgId}/invitations"),
    INVITATIONS_READ("invitations:read", "GET /v1/orgs/{orgId}/invitations", "GET /v1/orgs/{orgId}/invitations/{invitationId}"),
    INVITATIONS_DELETE("invitations:delete", "DELETE /v1/orgs/{orgId}/invitations/{invitationId}"),

    TEAMS_CREATE("teams:create", "POST /v1/orgs/{orgId}/teams"),
    TEAMS_READ("teams:read", "GET /v1/orgs/{orgId}/teams", "GET /v1/orgs/{orgId}/teams/{teamId}"),
    TEAMS_UPDATE("teams:update", "PATCH /v1/orgs/{orgId}/teams/{teamId}"),
    TEAMS_DELETE("teams:delete", "DELETE /v1/orgs/{orgId}/teams/{teamId}"),
    TEAMS_MANAGE_MEMBERS("teams:manage-members", "PUT /v1/orgs/{orgId}/teams/{teamId}/members/{memberId}",
            "DELETE /v1/orgs/{orgId}/teams/{teamId}/members/{memberId}"),

    ROLES_CREATE("roles:create", "POST /v1/orgs/{orgId}/roles"),
    ROLES_READ("roles:read", "GET /v1/orgs/{orgId}/roles", "GET /v1/orgs/{orgId}/roles/{roleId}"),
    ROLES_UPDATE("roles:update", "PATCH /v1/orgs/{orgId}/roles/{roleId}"),
    ROLES_DELETE("roles:delete", "DELETE /v1/orgs/{orgId}/roles/{roleId}"),
    ROLE_BINDINGS_CREATE("role-bindings:create", "POST /v1/orgs/{orgId}/role-bindings"),
    ROLE_BINDINGS_READ("role-bindings:read", "GET /v1/orgs/{orgId}/role-bindings",
            "GET /v1/orgs/{orgId}/role-bindings/{bindingId}"),
    ROLE_BINDINGS_DELETE("role-bindings:delete", "DELETE /v1/orgs/{orgId}/role-bindings/{bindingId}"),

    CLOUD_ACCOUNTS_CREATE("cloud-accounts:create", "POST /v1/orgs/{orgId}/cloud-accounts"),
    CLOUD_ACCOUNTS_READ("cloud-accounts:read", "GET /v1/orgs/{orgId}/cloud-accounts",
            "GET /v1/orgs/{orgId}/cloud-accounts/{cloudAccountId}"),
    CLOUD_ACCOUNTS_UPDATE("cloud-accounts:update", "PUT /v1/orgs/{orgId}/cloud-accounts/{cloudAccountId}/role",
            "POST /v1/orgs/{orgId}/cloud-accounts/{cloudAccountId}/verify"),
    CLOUD_ACCOUNTS_DELETE("cloud-accounts:delete", "DELETE /v1/orgs/{orgId}/cloud-accounts/{cloudAccountId}"),

    NETWORKS_CREATE("networks:create", "POST /v1/orgs/{orgId}/networks"),
    NETWORKS_READ("networks:read", "GET /v1/orgs/{orgId}/networks", "GET /v1/orgs/{orgId}/networks/{networkId}"),
    NETWORKS_DELETE("networks:delete", "DELETE /v1/orgs/{orgId}/networks/{networkId}"),

    CLUSTERS_CREATE("clusters:create", "POST /v1/orgs/{orgId}/clusters"),
    CLUSTERS_READ("clusters:read", "GET /v1/orgs/{orgId}/clusters", "GET /v1/orgs/{orgId}/clusters/{clusterId}"),
    CLUSTERS_UPDATE("clusters:update", "PATCH /v1/orgs/{orgId}/clusters/{clusterId}"),
    CLUSTERS_DELETE("clusters:delete", "DELETE /v1/orgs/{orgId}/clusters/{clusterId}"),

    CATALOGS_CREATE("catalogs:create", "POST /v1/orgs/{orgId}/catalogs"),
    CATALOGS_READ("catalogs:read", "GET /v1/orgs/{orgId}/catalogs", "GET /v1/orgs/{orgId}/catalogs/{catalogId}"),
    CATALOGS_DELETE("catalogs:delete", "DELETE /v1/orgs/{orgId}/catalogs/{catalogId}"),

    JOBS_CREATE("jobs:create", "POST /v1/orgs/{orgId}/jobs"),
    JOBS_READ("jobs:read", "GET /v1/orgs/{orgId}/jobs", "GET /v1/orgs/{orgId}/jobs/{jobId}",
            "GET /v1/orgs/{orgId}/jobs/{jobId}/versions", "GET /v1/orgs/{orgId}/jobs/{jobId}/versions/{versionNumber}"),
    JOBS_UPDATE("jobs:update", "PATCH /v1/orgs/{orgId}/jobs/{jobId}", "POST /v1/orgs/{orgId}/jobs/{jobId}/versions"),
    JOBS_DELETE("jobs:delete", "DELETE /v1/orgs/{orgId}/jobs/{jobId}"),
    JOBS_PROMOTE("jobs:promote", "POST /v1/orgs/{orgId}/jobs/{jobId}/versions/{versionNumber}/promote"),
    JOBS_PAUSE("jobs:pause", "POST /v1/orgs/{orgId}/jobs/{jobId}/pause", "POST /v1/orgs/{orgId}/jobs/{jobId}/resume"),
    JOBS_RUN("jobs:run", "POST /v1/orgs/{orgId}/jobs/{jobId}/runs", "POST /v1/orgs/{orgId}/job-runs/{runId}/retry"),

    JOB_RUNS_READ("job-runs:read", "GET /v1/orgs/{orgId}/job-runs", "GET /v1/orgs/{orgId}/job-runs/{runId}",
            "GET /v1/orgs/{orgId}/job-runs/{runId}/logs"),
    JOB_RUNS_CANCEL("job-runs:cancel", "POST /v1/orgs/{orgId}/job-runs/{runId}/cancel"),

    EVENTS_READ("events:read", "GET /v1/orgs/{orgId}/events"),
    /** Putting a custom event starts the runs of the jobs whose event triggers match it. */
    EVENTS_PUT("events:put", "POST /v1/orgs/{orgId}/events"),

    QUERIES_CREATE("queries:create", "POST /v1/orgs/{orgId}/queries"),
    QUERIES_READ("queries:read", "GET /v1/orgs/{orgId}/queries", "GET /v1/orgs/{orgId}/queries/{queryId}"),
    QUERIES_UPDATE("queries:update", "PATCH /v1/orgs/{orgId}/queries/{queryId}"),
    QUERIES_DELETE("queries:delete", "DELETE /v1/orgs/{orgId}/queries/{queryId}"),

    /**
     * Sessions are their owner's: only the member who opened one runs statements in it, takes tokens
     * for it and closes it (with the permissions below). Reading a session or its statements is its
     * owner's too; anyone else needs {@code sessions:read}.
     */
    SESSIONS_CREATE("sessions:create", "POST /v1/orgs/{orgId}/sessions"),
    SESSIONS_READ("sessions:read", "GET /v1/orgs/{orgId}/sessions", "GET /v1/orgs/{orgId}/sessions/{sessionId}",
            "GET /v1/orgs/{orgId}/statements/{statementId}"),
    SESSIONS_CONNECT("sessions:connect", "POST /v1/orgs/{orgId}/sessions/{sessionId}/tokens"),
    SESSIONS_EXECUTE("sessions:execute", "POST /v1/orgs/{orgId}/sessions/{sessionId}/statements",
            "POST /v1/orgs/{orgId}/statements/{statementId}/cancel"),
    SESSIONS_CLOSE("sessions:close", "POST /v1/orgs/{orgId}/sessions/{sessionId}/close");

    /**
     * Routes that act on the caller alone (its profile, tokens, the organizations it belongs to or
     * creates, an invitation addressed to it): authentication is their whole guard. Sign-up, the
     * OpenAPI document and the session gates' public keys need none.
     */
    public static final List<String> CALLER_ROUTES = List.of(
            "GET /v1/openapi.json", "GET /v1/.well-known/jwks.json", "POST /v1/signup", "GET /v1/me", "POST /v1/me/tokens", "GET /v1/me/tokens", "DELETE /v1/me/tokens/{tokenId}",
            "POST /v1/orgs", "GET /v1/orgs", "POST /v1/invitations/accept");

    /**
     * Routes a run's own workloads call (its Sail watcher and runner) and a session's server calls,
     * authenticated by the run's or session's callback credential instead of a user token: the
     * credential is their whole guard.
     */
    public static final List<String> CALLBACK_ROUTES = List.of("POST /v1/callbacks/job-runs/{runId}/events",
            "POST /v1/callbacks/sessions/{sessionId}/events", "POST /v1/callbacks/sessions/{sessionId}/token",
            "POST /v1/callbacks/sessions/{sessionId}/next");

    private final String wire;
    private final List<String> routes;

    Permission(String wire, String... routes) {
        this.wire = wire;
        this.routes = List.of(routes);
    }

    /** {@code resource:action}, as roles and the API spell it. */
    public String wire() {
        return wire;
    }

    public String resource() {
        return wire.substring(0, wire.indexOf(':'));
    }

    public String action() {
        return wire.substring(wire.indexOf(':') + 1);
    }

    /** The routes this permission guards, as {@code METHOD /template}. */
    public List<String> routes() {
        return routes;
    }

    /** The permission spelled {@code wire}, or null. */
    public static Permission parse(String wire) {
        for (Permission p : values()) {
            if (p.wire.equals(wire)) {
                return p;
            }
        }
        return null;
    }
}
