package com.lakesail.sdk.infrastructure;

import com.lakesail.sdk.Paginated;
import java.util.function.Consumer;

/**
 * Clusters: {@code /v1/orgs/{orgId}/clusters}, in the client's organization. Obtain it from
 * {@code LakeSail.clusters()}; implement it to fake the service in a test.
 *
 * <pre>{@code
 * Cluster cluster = lakesail.clusters()
 *     .create(r -> r.name("prod").networkId(net.id()).accessPolicy(AccessPolicy.privateOnly()))
 *     .waitUntilActive(Duration.ofMinutes(30), c -> bar.update(c.progress()));
 * cluster = lakesail.clusters()
 *     .update(r -> r.clusterId(cluster.id()).managementNodes(n -> n.desired(3)).version(cluster.version()))
 *     .waitUntilActive(Duration.ofMinutes(15));
 * lakesail.clusters().delete(cluster.id()).waitUntilDestroyed(Duration.ofMinutes(20));
 * }</pre>
 */
public interface ClusterService {

    /**
     * Creates a cluster and starts provisioning it; wait on the handle for {@code active}. Retries
     * reuse one {@code Idempotency-Key}, so a retried create never makes two.
     */
    ResourceHandle<Cluster> create(CreateClusterRequest request);

    default ResourceHandle<Cluster> create(Consumer<CreateClusterRequest.Builder> request) {
        CreateClusterRequest.Builder builder = CreateClusterRequest.builder();
        request.accept(builder);
        return create(builder.build());
    }

    /**
     * Resizes the management nodes or changes the access policy if the cluster is still at the
     * expected version; it goes {@code updating}, and the handle waits for {@code active} again.
     */
    ResourceHandle<Cluster> update(UpdateClusterRequest request);

    default ResourceHandle<Cluster> update(Consumer<UpdateClusterRequest.Builder> request) {
        UpdateClusterRequest.Builder builder = UpdateClusterRequest.builder();
        request.accept(builder);
        return update(builder.build());
    }

    Cluster get(String clusterId);

    /** The organization's clusters, fetched lazily page by page. */
    Paginated<Cluster> list(ListClustersRequest request);

    default Paginated<Cluster> list(Consumer<ListClustersRequest.Builder> request) {
        ListClustersRequest.Builder builder = ListClustersRequest.builder();
        request.accept(builder);
        return list(builder.build());
    }

    default Paginated<Cluster> list() {
        return list(ListClustersRequest.builder().build());
    }

    /** Starts tearing the cluster down ({@code destroying}); wait on the handle for {@code destroyed}. */
    ResourceHandle<Cluster> delete(String clusterId);

    /** A handle on an existing cluster, to wait for it. */
    default ResourceHandle<Cluster> handle(String clusterId) {
        return ResourceHandle.of(clusterId, this::get);
    }
}
