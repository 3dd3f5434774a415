package com.lakesail.sdk.internal;

import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.identity.MeService;
import com.lakesail.sdk.identity.SignupRequest;
import com.lakesail.sdk.identity.SignupResult;
import com.lakesail.sdk.identity.TokenService;
import com.lakesail.sdk.organizations.OrganizationService;
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

    DefaultLakeSail(RestClient rest, String organizationId, boolean ownsRestClient) {
        this.rest = rest;
        this.organizationId = organizationId;
        this.ownsRestClient = ownsRestClient;
        this.me = new DefaultMeService(rest);
        this.tokens = new DefaultTokenService(rest);
        this.organizations = new DefaultOrganizationService(rest, organizationId);
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
