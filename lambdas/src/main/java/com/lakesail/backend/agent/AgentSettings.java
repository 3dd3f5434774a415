package com.lakesail.backend.agent;

import com.lakesail.backend.kubernetes.Images;
import java.util.Map;
import java.util.Objects;

/**
 * The agent's configuration, from the environment its cluster's stack gives it
 * ({@code cloudformation/cluster.yaml}): which cluster it serves and where its API is (the private
 * endpoint, reachable from the agent's subnets), the CA that signed the API's certificate, and the
 * images workloads run.
 *
 * @param certificateAuthority base64 of the PEM CA bundle, as EKS reports it
 */
public record AgentSettings(String region, String clusterName, String endpoint, String certificateAuthority,
                            Images images) {
    public AgentSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(images, "images");
    }

    /** @throws IllegalStateException naming the first variable that is missing */
    public static AgentSettings from(Map<String, String> env) {
        return new AgentSettings(required(env, "AWS_REGION"), required(env, "CLUSTER_NAME"), required(env, "CLUSTER_ENDPOINT"),
                required(env, "CLUSTER_CERTIFICATE_AUTHORITY"),
                new Images(required(env, "SAIL_IMAGE"), required(env, "RUNNER_IMAGE"), required(env, "STAGING_IMAGE")));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }
}
