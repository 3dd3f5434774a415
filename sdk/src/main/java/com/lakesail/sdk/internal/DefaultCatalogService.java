package com.lakesail.sdk.internal;

import com.lakesail.sdk.Paginated;
import com.lakesail.sdk.infrastructure.Catalog;
import com.lakesail.sdk.infrastructure.CatalogService;
import com.lakesail.sdk.infrastructure.CreateCatalogRequest;
import com.lakesail.sdk.infrastructure.ListCatalogsRequest;
import com.lakesail.sdk.infrastructure.ResourceHandle;

final class DefaultCatalogService implements CatalogService {
    private static final String CATALOGS = "catalogs";

    private final RestClient rest;
    private final OrgPath paths;

    DefaultCatalogService(RestClient rest, OrgPath paths) {
        this.rest = rest;
        this.paths = paths;
    }

    @Override
    public ResourceHandle<Catalog> create(CreateCatalogRequest request) {
        Object body = JsonBody.of("name", request.name(), "kind", request.kind(), "config", request.config(),
                "cloudAccountId", request.cloudAccountId());
        Catalog created = rest.send(ApiRequest.create(paths.of(CATALOGS), body, request.idempotencyKey()),
                Catalog.class);
        return ResourceHandle.of(created, this::get);
    }

    @Override
    public Catalog get(String catalogId) {
        return rest.send(ApiRequest.get(paths.of(CATALOGS, catalogId)), Catalog.class);
    }

    @Override
    public Paginated<Catalog> list(ListCatalogsRequest request) {
        return rest.paginate(ApiRequest.get(paths.of(CATALOGS)).withQuery("limit", request.limit()), Catalog.class);
    }

    @Override
    public ResourceHandle<Catalog> delete(String catalogId) {
        // A managed catalog answers 202 with its body, a bring-your-own one 204 without: the handle
        // reads the catalog when asked either way.
        rest.send(ApiRequest.delete(paths.of(CATALOGS, catalogId)));
        return ResourceHandle.of(catalogId, this::get);
    }
}
