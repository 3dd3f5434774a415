package com.lakesail.sdk.infrastructure;

import com.lakesail.sdk.Paginated;
import java.util.function.Consumer;

/**
 * Networks: {@code /v1/orgs/{orgId}/networks}, in the client's organization. Obtain it from
 * {@code LakeSail.networks()}; implement it to fake the service in a test.
 *
 * <pre>{@code
 * Network net = lakesail.networks()
 *     .create(r -> r.name("prod").cloudAccountId(account.id()).region("us-east-1").cidr("10.0.0.0/16"))
 *     .waitUntilActive(Duration.ofMinutes(15), n -> System.out.println(n.stage() + " " + n.progress() + "%"));
 * lakesail.networks().list(r -> r.cloudAccountId(account.id())).forEach(n -> System.out.println(n.name()));
 * lakesail.networks().delete(net.id()).waitUntilDestroyed(Duration.ofMinutes(15));
 * }</pre>
 */
public interface NetworkService {

    /**
     * Creates a network and starts provisioning it; wait on the handle for {@code active}. Retries
     * reuse one {@code Idempotency-Key}, so a retried create never makes two.
     */
    ResourceHandle<Network> create(CreateNetworkRequest request);

    default ResourceHandle<Network> create(Consumer<CreateNetworkRequest.Builder> request) {
        CreateNetworkRequest.Builder builder = CreateNetworkRequest.builder();
        request.accept(builder);
        return create(builder.build());
    }

    Network get(String networkId);

    /** The organization's networks, fetched lazily page by page. */
    Paginated<Network> list(ListNetworksRequest request);

    default Paginated<Network> list(Consumer<ListNetworksRequest.Builder> request) {
        ListNetworksRequest.Builder builder = ListNetworksRequest.builder();
        request.accept(builder);
        return list(builder.build());
    }

    default Paginated<Network> list() {
        return list(ListNetworksRequest.builder().build());
    }

    /**
     * Starts tearing the network down ({@code destroying}); wait on the handle for
     * {@code destroyed}. Refused with a {@link com.lakesail.sdk.exception.ConflictException} while
     * clusters live in it.
     */
    ResourceHandle<Network> delete(String networkId);

    /** A handle on an existing network, to wait for it. */
    default ResourceHandle<Network> handle(String networkId) {
        return ResourceHandle.of(networkId, this::get);
    }
}
