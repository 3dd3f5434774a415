package com.lakesail.sdk.organizations;

import com.lakesail.sdk.Paginated;
import java.util.function.Consumer;

/**
 * Organizations: {@code /v1/orgs}. Obtain it from {@code LakeSail.organizations()}; implement it
 * to fake the service in a test.
 *
 * <pre>{@code
 * Organization acme = lakesail.organizations().create(r -> r.name("acme"));
 * Organization renamed = lakesail.organizations()
 *     .update(r -> r.organizationId(acme.id()).name("acme-eu").version(acme.version()));
 * lakesail.organizations().list().forEach(org -> System.out.println(org.id() + " " + org.name()));
 * LakeSail inAcme = lakesail.withOrganization(acme.id());
 * }</pre>
 */
public interface OrganizationService {

    /**
     * Creates an organization owned by the caller. Retries reuse one {@code Idempotency-Key}, so a
     * retried create never makes two.
     */
    Organization create(CreateOrganizationRequest request);

    default Organization create(Consumer<CreateOrganizationRequest.Builder> request) {
        CreateOrganizationRequest.Builder builder = CreateOrganizationRequest.builder();
        request.accept(builder);
        return create(builder.build());
    }

    /** The organizations the caller belongs to, fetched lazily page by page. */
    Paginated<Organization> list(ListOrganizationsRequest request);

    default Paginated<Organization> list(Consumer<ListOrganizationsRequest.Builder> request) {
        ListOrganizationsRequest.Builder builder = ListOrganizationsRequest.builder();
        request.accept(builder);
        return list(builder.build());
    }

    default Paginated<Organization> list() {
        return list(ListOrganizationsRequest.builder().build());
    }

    /** One organization; another organization's id answers {@code ResourceNotFoundException}. */
    Organization get(String organizationId);

    /** The client's organization (see {@code LakeSail.Builder.organization}). */
    Organization get();

    /** Renames an organization if it is still at the expected version. */
    Organization update(UpdateOrganizationRequest request);

    default Organization update(Consumer<UpdateOrganizationRequest.Builder> request) {
        UpdateOrganizationRequest.Builder builder = UpdateOrganizationRequest.builder();
        request.accept(builder);
        return update(builder.build());
    }
}
