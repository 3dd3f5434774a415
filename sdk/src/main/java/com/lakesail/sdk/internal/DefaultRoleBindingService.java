package com.lakesail.sdk.internal;

import com.lakesail.sdk.Paginated;
import com.lakesail.sdk.access.CreateRoleBindingRequest;
import com.lakesail.sdk.access.ListRequest;
import com.lakesail.sdk.access.RoleBinding;
import com.lakesail.sdk.access.RoleBindingService;

final class DefaultRoleBindingService implements RoleBindingService {
    private final RestClient rest;
    private final OrgPath org;

    DefaultRoleBindingService(RestClient rest, OrgPath org) {
        this.rest = rest;
        this.org = org;
    }

    @Override
    public RoleBinding create(CreateRoleBindingRequest request) {
        Object subject = request.subject() == null ? null
                : JsonBody.of("type", request.subject().type(), "id", request.subject().id());
        Object body = JsonBody.of("roleId", request.roleId(), "subject", subject, "scope", request.scope());
        return rest.send(ApiRequest.create(org.of("role-bindings"), body, request.idempotencyKey()), RoleBinding.class);
    }

    @Override
    public Paginated<RoleBinding> list(ListRequest request) {
        return rest.paginate(ApiRequest.get(org.of("role-bindings")).withQuery("limit", request.limit()), RoleBinding.class);
    }

    @Override
    public RoleBinding get(String bindingId) {
        return rest.send(ApiRequest.get(org.of("role-bindings", bindingId)), RoleBinding.class);
    }

    @Override
    public void delete(String bindingId) {
        rest.send(ApiRequest.delete(org.of("role-bindings", bindingId)));
    }
}
