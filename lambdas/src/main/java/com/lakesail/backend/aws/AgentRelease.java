package com.lakesail.backend.aws;

import com.lakesail.backend.port.CloudProviderException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What every cluster's stack deploys beside EKS, as the control plane's operator configured it
 * (template.yaml's parameters, the task function's environment): where the agent's package
 * ({@code lambdas/target/lambda/agent.jar}) is published, and the images its workloads run. A
 * cluster update applies a new release to an existing cluster.
 *
 * @param codeBucket the bucket the agent's package is published in, in every region clusters live in
 *                   (Lambda reads code from its own region); {@code {region}} in the name is the cluster's region
 * @param codeKey    the package's key; a new release is a new key, so a stack update replaces the code
 */
public record AgentRelease(String codeBucket, String codeKey, String sailImage, String runnerImage) {
    static final String CODE_BUCKET = "AgentCodeBucket";
    static final String CODE_KEY = "AgentCodeKey";
    static final String SAIL_IMAGE = "SailImage";
    static final String RUNNER_IMAGE = "RunnerImage";
    /** The cluster template's parameters this supplies (the adapter's, not the workflow's). */
    public static final Set<String> PARAMETERS = Set.of(CODE_BUCKET, CODE_KEY, SAIL_IMAGE, RUNNER_IMAGE);

    /**
     * @throws CloudProviderException (not retryable) when the control plane was deployed without them:
     *                                a cluster cannot run anything without its agent and images
     */
    Map<String, String> parameters(String region) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(CODE_BUCKET, required(codeBucket, "AGENT_CODE_BUCKET").replace("{region}", region));
        p.put(CODE_KEY, required(codeKey, "AGENT_CODE_KEY"));
        p.put(SAIL_IMAGE, required(sailImage, "SAIL_IMAGE"));
        p.put(RUNNER_IMAGE, required(runnerImage, "RUNNER_IMAGE"));
        return p;
    }

    private static String required(String value, String variable) {
        if (value == null || value.isBlank()) {
            throw new CloudProviderException("the control plane has no " + variable + " configured, which every cluster's"
                    + " stack needs (template.yaml parameters AgentCodeBucket, AgentCodeKey, SailImage, RunnerImage)", false, null);
        }
        return value;
    }
}
