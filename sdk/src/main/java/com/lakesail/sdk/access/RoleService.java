package com.lakesail.sdk.access;

import com.lakesail.sdk.Paginated;
import java.util.function.Consumer;

/**
 * Roles of the client's organization, built-in and custom: {@code /v1/orgs/{orgId}/roles}.
 * Implement it to fake the service in a test.
 *
 * <pre>{@code
 * lakesail.roles().list().forEach(r -> System.out.println(r.id() + " " + r.permissions()));
 * }</pre>
 */
public interface RoleService {

    Role create(CreateRoleRequest request);

    default Role create(Consumer<CreateRoleRequest.Builder> request) {
        CreateRoleRequest.Builder builder = CreateRoleRequest.builder();
        request.accept(builder);
        return create(builder.build());
    }

    Paginated<Role> list(ListRequest request);

    default Paginated<Role> list() {
        return list(ListRequest.builder().build());
    }

    Role get(String roleId);

    Role update(UpdateRoleRequest request);

    default Role update(Consumer<UpdateRoleRequest.Builder> request) {
        UpdateRoleRequest.Builder builder = UpdateRoleRequest.builder();
        request.accept(builder);
        return update(builder.build());
    }

    /** Deletes a custom role no binding uses. */
    void delete(String roleId);
}
