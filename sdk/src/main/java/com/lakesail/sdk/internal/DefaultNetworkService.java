package com.lakesail.sdk.internal;

import com.lakesail.sdk.Paginated;
import com.lakesail.sdk.infrastructure.CreateNetworkRequest;
import com.lakesail.sdk.infrastructure.ListNetworksRequest;
import com.lakesail.sdk.infrastructure.Network;
import com.lakesail.sdk.infrastructure.NetworkService;
import com.lakesail.sdk.infrastructure.ResourceHandle;

final class DefaultNetworkService implements NetworkService {
    private static final String NETWORKS = "networks";

    private final RestClient rest;
    private final OrgPath paths;

    DefaultNetworkService(RestClient rest, OrgPath paths) {
        this.rest = rest;
        this.paths = paths;
    }

    @Override
    public ResourceHandle<Network> create(CreateNetworkRequest request) {
        Object body = JsonBody.of("name", request.name(), "cloudAccountId", request.cloudAccountId(),
                "region", request.region(), "cidr", request.cidr(), "availabilityZones", request.availabilityZones());
        Network created = rest.send(ApiRequest.create(paths.of(NETWORKS), body, request.idempotencyKey()),
                Network.class);
        return ResourceHandle.of(created, this::get);
    }

    @Override
    public Network get(String networkId) {
        return rest.send(ApiRequest.get(paths.of(NETWORKS, networkId)), Network.class);
    }

    @Override
    public Paginated<Network> list(ListNetworksRequest request) {
        ApiRequest list = ApiRequest.get(paths.of(NETWORKS))
                .withQuery("cloudAccountId", request.cloudAccountId())
                .withQuery("limit", request.limit());
        return rest.paginate(list, Network.class);
    }

    @Override
    public ResourceHandle<Network> delete(String networkId) {
        return ResourceHandle.of(rest.send(ApiRequest.delete(paths.of(NETWORKS, networkId)), Network.class),
                this::get);
    }
}
