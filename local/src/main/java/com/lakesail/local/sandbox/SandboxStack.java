package com.lakesail.local.sandbox;

import com.lakesail.backend.port.StackTemplate;
import java.util.Map;

/**
 * One sandbox stack as stored, so provisioning survives a restart of the local backend. Times are
 * epoch milliseconds on the sandbox clock; an operation is settled once the clock reaches
 * {@code readyAt}.
 *
 * @param failure the reason the current operation fails when it settles, or null
 * @param outputs what the stack reports once complete
 */
record SandboxStack(String stackId, String stackName, String awsAccountId, String region, StackTemplate template,
                    String resourceName, Map<String, String> parameters, Operation operation, String token,
                    long startedAt, long readyAt, String failure, Map<String, String> outputs, boolean bootstrapped) {

    enum Operation { CREATE, UPDATE, DELETE }

    SandboxStack {
        parameters = Map.copyOf(parameters);
        outputs = Map.copyOf(outputs);
    }

    boolean settledAt(long now) {
        return now >= readyAt;
    }

    SandboxStack start(Operation next, String nextToken, Map<String, String> nextParameters, long now, long ready,
                       String nextFailure, Map<String, String> nextOutputs) {
        return new SandboxStack(stackId, stackName, awsAccountId, region, template, resourceName, nextParameters, next,
                nextToken, now, ready, nextFailure, nextOutputs, bootstrapped);
    }

    SandboxStack bootstrap() {
        return new SandboxStack(stackId, stackName, awsAccountId, region, template, resourceName, parameters, operation,
                token, startedAt, readyAt, failure, outputs, true);
    }
}
