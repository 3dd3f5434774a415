package com.lakesail.sdk.access;

import java.util.function.Consumer;

/**
 * Questions about access in the client's organization. Implement it to fake the service in a test.
 *
 * <pre>{@code
 * WhoCan answer = lakesail.access().whoCan("clusters:create", prodNetwork.id());
 * answer.members().forEach(m -> m.paths().forEach(p -> System.out.println(m.email() + ": " + p.description())));
 * }</pre>
 */
public interface AccessService {

    /** The members who may perform the action on the resource, each with the paths that grant it. */
    WhoCan whoCan(WhoCanRequest request);

    default WhoCan whoCan(Consumer<WhoCanRequest.Builder> request) {
        WhoCanRequest.Builder builder = WhoCanRequest.builder();
        request.accept(builder);
        return whoCan(builder.build());
    }

    /** @param resource a resource id; null for the organization itself */
    default WhoCan whoCan(String action, String resource) {
        return whoCan(new WhoCanRequest(action, resource));
    }
}
