package com.lakesail.sdk.internal;

import com.lakesail.sdk.Paginated;
import com.lakesail.sdk.infrastructure.Cluster;
import com.lakesail.sdk.infrastructure.ClusterService;
import com.lakesail.sdk.infrastructure.CreateClusterRequest;
import com.lakesail.sdk.infrastructure.ListClustersRequest;
import com.lakesail.sdk.infrastructure.ResourceHandle;
import com.lakesail.sdk.infrastructure.UpdateClusterRequest;

final class DefaultClusterService implements ClusterService {
    private static final String CLUSTERS = "clusters";

    private final RestClient rest;
    private final OrgPath paths;

    DefaultClusterService(RestClient rest, OrgPath paths) {
        this.rest = rest;
        this.paths = paths;
    }

    @Override
    public ResourceHandle<Cluster> create(CreateClusterRequest request) {
        Object body = JsonBody.of("name", request.name(), "networkId", request.networkId(),
                "managementNodes", request.managementNodes(), "accessPolicy", request.accessPolicy());
        Cluster created = rest.send(ApiRequest.create(paths.of(CLUSTERS), body, request.idempotencyKey()),
                Cluster.class);
        return ResourceHandle.of(created, this::get);
    }

    @Override
    public ResourceHandle<Cluster> update(UpdateClusterRequest request) {
        Object body = JsonBody.of("managementNodes", request.managementNodes(), "accessPolicy", request.accessPolicy(),
                "version", request.version());
        Cluster updated = rest.send(ApiRequest.patch(paths.of(CLUSTERS, request.clusterId()), body), Cluster.class);
        return ResourceHandle.of(updated, this::get);
    }

    @Override
    public Cluster get(String clusterId) {
        return rest.send(ApiRequest.get(paths.of(CLUSTERS, clusterId)), Cluster.class);
    }

    @Override
    public Paginated<Cluster> list(ListClustersRequest request) {
        ApiRequest list = ApiRequest.get(paths.of(CLUSTERS))
                .withQuery("networkId", request.networkId())
                .withQuery("limit", request.limit());
        return rest.paginate(list, Cluster.class);
    }

    @Override
    public ResourceHandle<Cluster> delete(String clusterId) {
        return ResourceHandle.of(rest.send(ApiRequest.delete(paths.of(CLUSTERS, clusterId)), Cluster.class),
                this::get);
    }
}
