package com.lakesail.sdk.internal;

import com.lakesail.sdk.Paginated;
import com.lakesail.sdk.exception.SdkClientException;
import com.lakesail.sdk.organizations.CreateOrganizationRequest;
import com.lakesail.sdk.organizations.ListOrganizationsRequest;
import com.lakesail.sdk.organizations.Organization;
import com.lakesail.sdk.organizations.OrganizationService;
import com.lakesail.sdk.organizations.UpdateOrganizationRequest;

final class DefaultOrganizationService implements OrganizationService {
    private static final String ORGS = "/v1/orgs";

    private final RestClient rest;
    private final String defaultOrganizationId;

    DefaultOrganizationService(RestClient rest, String defaultOrganizationId) {
        this.rest = rest;
        this.defaultOrganizationId = defaultOrganizationId;
    }

    @Override
    public Organization create(CreateOrganizationRequest request) {
        Object body = JsonBody.of("name", request.name());
        return rest.send(ApiRequest.create(ORGS, body, request.idempotencyKey()), Organization.class);
    }

    @Override
    public Paginated<Organization> list(ListOrganizationsRequest request) {
        return rest.paginate(ApiRequest.get(ORGS).withQuery("limit", request.limit()), Organization.class);
    }

    @Override
    public Organization get(String organizationId) {
        return rest.send(ApiRequest.get(ApiRequest.path("v1", "orgs", organizationId)), Organization.class);
    }

    @Override
    public Organization get() {
        return get(defaultOrganizationId());
    }

    @Override
    public Organization update(UpdateOrganizationRequest request) {
        String organizationId = request.organizationId() != null ? request.organizationId() : defaultOrganizationId();
        Object body = JsonBody.of("name", request.name(), "version", request.version());
        return rest.send(ApiRequest.patch(ApiRequest.path("v1", "orgs", organizationId), body), Organization.class);
    }

    private String defaultOrganizationId() {
        if (defaultOrganizationId == null) {
            throw new SdkClientException("this client has no organization: set one with "
                    + "LakeSail.builder().organization(...) or withOrganization(...), or pass an organization id");
        }
        return defaultOrganizationId;
    }
}
