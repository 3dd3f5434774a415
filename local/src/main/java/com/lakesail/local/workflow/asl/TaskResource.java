package com.lakesail.local.workflow.asl;

/**
 * A Task state's {@code Resource}, classified.
 *
 * <ul>
 *   <li>{@code arn:aws:states:::lambda:invoke} (optionally {@code .waitForTaskToken}): the handler
 *       is named by the {@code FunctionName} parameter and receives {@code Payload}; the result is
 *       Lambda's Invoke response ({@code Payload}, {@code StatusCode}, ...).</li>
 *   <li>other {@code arn:aws:states:::service:action[.pattern]} integrations: the handler is
 *       registered under {@code arn:aws:states:::service:action} and receives the parameters.</li>
 *   <li>a Lambda function ARN or any other name: the handler registered under that ARN or name
 *       (for a function ARN, also its function name) receives the effective input.</li>
 * </ul>
 *
 * Handlers are synchronous, so {@code .sync} patterns complete when the handler returns.
 *
 * @param handlerKey   the registry name for the integration (null for lambda:invoke, named at run time)
 * @param resourceType the history events' resourceType (e.g. {@code lambda}), null for direct function ARNs
 * @param resourceName the history events' resource (e.g. {@code invoke.waitForTaskToken})
 */
public record TaskResource(String arn, Kind kind, String handlerKey, String functionName, boolean waitForTaskToken,
                           String resourceType, String resourceName) {

    public enum Kind {
        LAMBDA_INVOKE, SERVICE_INTEGRATION, FUNCTION
    }

    private static final String STATES_PREFIX = "arn:aws:states:::";

    public static TaskResource parse(String arn) {
        if (arn.startsWith(STATES_PREFIX)) {
            String rest = arn.substring(STATES_PREFIX.length());
            String service = rest.substring(0, Math.max(0, rest.indexOf(':')));
            String action = rest.substring(rest.indexOf(':') + 1);
            if (service.isEmpty() || action.isEmpty()) {
                throw new IllegalArgumentException("Resource '" + arn + "' is not a valid service integration ARN");
            }
            boolean waitForToken = action.endsWith(".waitForTaskToken");
            int dot = action.indexOf('.');
            String baseAction = dot < 0 ? action : action.substring(0, dot);
            Kind kind = service.equals("lambda") && baseAction.equals("invoke") ? Kind.LAMBDA_INVOKE : Kind.SERVICE_INTEGRATION;
            return new TaskResource(arn, kind, kind == Kind.LAMBDA_INVOKE ? null : STATES_PREFIX + service + ":" + baseAction,
                    null, waitForToken, service, action);
        }
        if (arn.endsWith(".waitForTaskToken")) {
            throw new IllegalArgumentException("Resource '" + arn + "': .waitForTaskToken applies to service"
                    + " integrations (arn:aws:states:::...) only");
        }
        String functionName = arn;
        String[] parts = arn.split(":");
        if (arn.startsWith("arn:") && parts.length >= 7 && parts[5].equals("function")) {
            functionName = parts[6];
        }
        return new TaskResource(arn, Kind.FUNCTION, arn, functionName, false, null, arn);
    }
}
