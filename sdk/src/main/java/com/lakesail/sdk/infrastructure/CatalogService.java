package com.lakesail.sdk.infrastructure;

import com.lakesail.sdk.Paginated;
import java.util.function.Consumer;

/**
 * Catalogs: {@code /v1/orgs/{orgId}/catalogs}, in the client's organization. Obtain it from
 * {@code LakeSail.catalogs()}; implement it to fake the service in a test.
 *
 * <pre>{@code
 * Catalog lake = lakesail.catalogs()
 *     .create(r -> r.name("lake").kind(CatalogKind.ICEBERG).config(CatalogConfig.tableLocation("s3://acme/lake")))
 *     .waitUntilActive(Duration.ofMinutes(1));   // bring-your-own: active at once
 * Catalog managed = lakesail.catalogs()
 *     .create(r -> r.name("managed").kind(CatalogKind.MANAGED).cloudAccountId(account.id())
 *         .config(CatalogConfig.managed("us-east-1")))
 *     .waitUntilActive(Duration.ofMinutes(10));
 * lakesail.catalogs().delete(managed.id()).waitUntilDestroyed(Duration.ofMinutes(10));
 * }</pre>
 */
public interface CatalogService {

    /**
     * Creates a catalog; a managed one starts provisioning, so wait on the handle for
     * {@code active}. Retries reuse one {@code Idempotency-Key}, so a retried create never makes two.
     */
    ResourceHandle<Catalog> create(CreateCatalogRequest request);

    default ResourceHandle<Catalog> create(Consumer<CreateCatalogRequest.Builder> request) {
        CreateCatalogRequest.Builder builder = CreateCatalogRequest.builder();
        request.accept(builder);
        return create(builder.build());
    }

    Catalog get(String catalogId);

    /** The organization's catalogs, fetched lazily page by page. */
    Paginated<Catalog> list(ListCatalogsRequest request);

    default Paginated<Catalog> list(Consumer<ListCatalogsRequest.Builder> request) {
        ListCatalogsRequest.Builder builder = ListCatalogsRequest.builder();
        request.accept(builder);
        return list(builder.build());
    }

    default Paginated<Catalog> list() {
        return list(ListCatalogsRequest.builder().build());
    }

    /**
     * Deletes a catalog: a bring-your-own one is removed at once, a managed one starts tearing
     * down ({@code destroying}). Either way, wait on the handle for {@code destroyed}.
     */
    ResourceHandle<Catalog> delete(String catalogId);

    /** A handle on an existing catalog, to wait for it. */
    default ResourceHandle<Catalog> handle(String catalogId) {
        return ResourceHandle.of(catalogId, this::get);
    }
}
