package com.lakesail.sdk.internal;

import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.access.AccessService;
import com.lakesail.sdk.access.AuditEventService;
import com.lakesail.sdk.access.InvitationService;
import com.lakesail.sdk.access.MemberService;
import com.lakesail.sdk.access.RoleBindingService;
import com.lakesail.sdk.access.RoleService;
import com.lakesail.sdk.access.TeamService;
import com.lakesail.sdk.identity.MeService;
import com.lakesail.sdk.identity.SignupRequest;
import com.lakesail.sdk.identity.SignupResult;
import com.lakesail.sdk.identity.TokenService;
import com.lakesail.sdk.infrastructure.CatalogService;
import com.lakesail.sdk.infrastructure.CloudAccountService;
import com.lakesail.sdk.infrastructure.ClusterService;
import com.lakesail.sdk.infrastructure.NetworkService;
import com.lakesail.sdk.jobs.JobRunService;
import com.lakesail.sdk.jobs.JobService;
import com.lakesail.sdk.organizations.OrganizationService;
import com.lakesail.sdk.queries.QueryService;
import com.lakesail.sdk.sessions.SessionService;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** The default {@link LakeSail}: the services over one shared {@link RestClient}. */
public final class DefaultLakeSail implements LakeSail {
    private final RestClient rest;
    private final String organizationId;
    private final boolean ownsRestClient;
    private final MeService me;
    private final TokenService tokens;
    private final OrganizationService organizations;
    private final AccessServices access;
    private final InfrastructureServices infrastructure;
    private final WorkloadServices workloads;

    DefaultLakeSail(RestClient rest, String organizationId, boolean ownsRestClient) {
        this.rest = rest;
        this.organizationId = organizationId;
        this.ownsRestClient = ownsRestClient;
        this.me = new DefaultMeService(rest);
        this.tokens = new DefaultTokenService(rest);
        this.organizations = new DefaultOrganizationService(rest, organizationId);
        this.access = new AccessServices(rest, organizationId);
        this.infrastructure = new InfrastructureServices(rest, organizationId);
        this.workloads = WorkloadServices.of(rest, organizationId);
    }

    public static SignupResult signup(URI endpoint, SignupRequest request) {
        return new DefaultLakeSailBuilder().endpoint(endpoint).signup(request);
    }

    static SignupResult signup(RestClient rest, SignupRequest request) {
        Object body = JsonBody.of("email", request.email(), "name", request.name(),
                "organizationName", request.organizationName());
        return rest.send(ApiRequest.create("/v1/signup", body, request.idempotencyKey()), SignupResult.class);
    }

    @Override
    public Optional<String> organizationId() {
        return Optional.ofNullable(organizationId);
    }

    @Override
    public LakeSail withOrganization(String organizationId) {
        return new DefaultLakeSail(rest, Objects.requireNonNull(organizationId, "organizationId"), false);
    }

    @Override
    public MeService me() {
        return me;
    }

    @Override
    public TokenService tokens() {
        return tokens;
    }

    @Override
    public OrganizationService organizations() {
        return organizations;
    }

    @Override
    public MemberService members() {
        return access.members();
    }

    @Override
    public InvitationService invitations() {
        return access.invitations();
    }

    @Override
    public TeamService teams() {
        return access.teams();
    }

    @Override
    public RoleService roles() {
        return access.roles();
    }

    @Override
    public RoleBindingService roleBindings() {
        return access.roleBindings();
    }

    @Override
    public AuditEventService auditEvents() {
        return access.auditEvents();
    }

    @Override
    public AccessService access() {
        return access.access();
    }

    @Override
    public CloudAccountService cloudAccounts() {
        return infrastructure.cloudAccounts();
    }

    @Override
    public NetworkService networks() {
        return infrastructure.networks();
    }

    @Override
    public ClusterService clusters() {
        return infrastructure.clusters();
    }

    @Override
    public CatalogService catalogs() {
        return infrastructure.catalogs();
    }

    @Override
    public JobService jobs() {
        return workloads.jobs();
    }

    @Override
    public JobRunService jobRuns() {
        return workloads.jobRuns();
    }

    @Override
    public QueryService queries() {
        return workloads.queries();
    }

    @Override
    public SessionService sessions() {
        return workloads.sessions();
    }

    @Override
    public void close() {
        if (ownsRestClient) {
            rest.close();
        }
    }

    @Override
    public String toString() {
        // Never the token.
        return "LakeSail[organization=" + organizationId + "]";
    }
}
