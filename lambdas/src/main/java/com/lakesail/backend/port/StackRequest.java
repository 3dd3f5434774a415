package com.lakesail.backend.port;

import java.util.Map;
import java.util.Objects;

/**
 * Create or update one stack.
 *
 * @param clientRequestToken CloudFormation's idempotency token: a retried call with the same token
 *                           is the same operation ({@link InfraStacks#token})
 * @param tags               propagated to every resource of the stack ({@link InfraStacks#tags})
 */
public record StackRequest(StackRef ref, StackTemplate template, Map<String, String> parameters,
                           Map<String, String> tags, String clientRequestToken) {
    public StackRequest {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(clientRequestToken, "clientRequestToken");
        parameters = Map.copyOf(parameters);
        tags = Map.copyOf(tags);
    }
}
