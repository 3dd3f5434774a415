package com.lakesail.local.workflow;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The in-process implementation of a Task state's resource: what the Lambda function (or service
 * integration) does in AWS. Registered in a {@link TaskRegistry} under the function name or ARN.
 *
 * <pre>{@code
 * registry.register("lakesail-tasks", input -> dispatcher.handle(input));
 * }</pre>
 */
@FunctionalInterface
public interface TaskHandler {

    /**
     * @param input the Lambda payload (for {@code lambda:invoke}), the parameters (for another
     *              integration) or the effective input (for a function ARN resource)
     * @return the output: Lambda's {@code Payload}, or the integration's result
     * @throws TaskFailedException to fail the task with a Step Functions error name and cause
     */
    JsonNode handle(JsonNode input);
}
