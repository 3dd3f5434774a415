package com.lakesail.sdk.access;

import com.lakesail.sdk.Paginated;
import java.util.function.Consumer;

/**
 * Role bindings of the client's organization: {@code /v1/orgs/{orgId}/role-bindings}. Implement it
 * to fake the service in a test.
 *
 * <pre>{@code
 * RoleBinding b = lakesail.roleBindings().create(r -> r.roleId("developer").subject(Subject.member(bob.id())));
 * lakesail.roleBindings().delete(b.id());
 * }</pre>
 */
public interface RoleBindingService {

    RoleBinding create(CreateRoleBindingRequest request);

    default RoleBinding create(Consumer<CreateRoleBindingRequest.Builder> request) {
        CreateRoleBindingRequest.Builder builder = CreateRoleBindingRequest.builder();
        request.accept(builder);
        return create(builder.build());
    }

    Paginated<RoleBinding> list(ListRequest request);

    default Paginated<RoleBinding> list() {
        return list(ListRequest.builder().build());
    }

    RoleBinding get(String bindingId);

    void delete(String bindingId);
}
