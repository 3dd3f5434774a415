package com.lakesail.sdk.internal;

import com.lakesail.sdk.Paginated;
import com.lakesail.sdk.access.CreateRoleRequest;
import com.lakesail.sdk.access.ListRequest;
import com.lakesail.sdk.access.Role;
import com.lakesail.sdk.access.RoleService;
import com.lakesail.sdk.access.UpdateRoleRequest;

final class DefaultRoleService implements RoleService {
    private final RestClient rest;
    private final OrgPath org;

    DefaultRoleService(RestClient rest, OrgPath org) {
        this.rest = rest;
        this.org = org;
    }

    @Override
    public Role create(CreateRoleRequest request) {
        Object body = JsonBody.of("name", request.name(), "description", request.description(), "permissions", request.permissions());
        return rest.send(ApiRequest.create(org.of("roles"), body, request.idempotencyKey()), Role.class);
    }

    @Override
    public Paginated<Role> list(ListRequest request) {
        return rest.paginate(ApiRequest.get(org.of("roles")).withQuery("limit", request.limit()), Role.class);
    }

    @Override
    public Role get(String roleId) {
        return rest.send(ApiRequest.get(org.of("roles", roleId)), Role.class);
    }

    @Override
    public Role update(UpdateRoleRequest request) {
        Object body = JsonBody.of("name", request.name(), "description", request.description(),
                "permissions", request.permissions(), "version", request.version());
        return rest.send(ApiRequest.patch(org.of("roles", request.roleId()), body), Role.class);
    }

    @Override
    public void delete(String roleId) {
        rest.send(ApiRequest.delete(org.of("roles", roleId)));
    }
}
