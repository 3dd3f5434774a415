package com.lakesail.sdk.internal;

import com.lakesail.sdk.infrastructure.CatalogService;
import com.lakesail.sdk.infrastructure.CloudAccountService;
import com.lakesail.sdk.infrastructure.ClusterService;
import com.lakesail.sdk.infrastructure.NetworkService;

/** The infrastructure services of one client, all acting in its organization. */
record InfrastructureServices(CloudAccountService cloudAccounts, NetworkService networks, ClusterService clusters,
        CatalogService catalogs) {

    InfrastructureServices(RestClient rest, String organizationId) {
        this(rest, new OrgPath(organizationId));
    }

    private InfrastructureServices(RestClient rest, OrgPath paths) {
        this(new DefaultCloudAccountService(rest, paths), new DefaultNetworkService(rest, paths),
                new DefaultClusterService(rest, paths), new DefaultCatalogService(rest, paths));
    }
}
