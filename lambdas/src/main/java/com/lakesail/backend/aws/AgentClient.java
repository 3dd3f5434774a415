package com.lakesail.backend.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.agent.protocol.AgentCommand;
import com.lakesail.backend.agent.protocol.AgentProtocol;
import com.lakesail.backend.agent.protocol.AgentReply;
import com.lakesail.backend.port.CloudProviderException;
import com.lakesail.backend.port.ComputeRuntimeException;
import com.lakesail.backend.port.WorkloadTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The control plane's side of a cluster's agent (DESIGN §10): assumes the account's role (a session
 * shared with the account's stacks, see {@link AccountSessions}) and invokes the cluster's agent,
 * {@code <cluster name>-agent}, synchronously with one command. The customer role may invoke
 * {@code lakesail-*} functions of its account and nothing else.
 *
 * <p>Errors become {@link ComputeRuntimeException}s: what the agent answered keeps its
 * {@code retryable}; an agent that crashed or timed out, throttling and AWS's own faults are
 * retryable; a refused role or a missing agent are not.
 */
public final class AgentClient {
    private final AccountSessions sessions;
    private final AccountClients clients;

    public AgentClient(AccountSessions sessions, AccountClients clients) {
        this.sessions = sessions;
        this.clients = clients;
    }

    /** The agent the cluster's stack deploys ({@code cloudformation/cluster.yaml}). */
    public static String functionName(String clusterName) {
        return clusterName + "-agent";
    }

    /**
     * @return the command's result
     * @throws AgentMissingException when the cluster has no agent (a cluster built before agents, or gone)
     */
    public JsonNode send(WorkloadTarget target, AgentCommand command) {
        String function = functionName(target.clusterName());
        AwsCredentialsProvider credentials;
        try {
            credentials = sessions.credentials(target.access());
        } catch (CloudProviderException e) {
            throw new ComputeRuntimeException("cluster " + target.clusterName() + ": " + e.getMessage(), e.retryable(), e);
        }
        InvokeResponse response;
        try (LambdaClient lambda = clients.lambda(credentials, Region.of(target.region()))) {
            response = lambda.invoke(b -> b.functionName(function).invocationType(InvocationType.REQUEST_RESPONSE)
                    .payload(SdkBytes.fromByteArray(AgentProtocol.encode(command))));
        } catch (ResourceNotFoundException e) {
            throw new AgentMissingException("cluster " + target.clusterName() + " has no agent (" + function
                    + " does not exist in " + target.region() + "): update the cluster to deploy it", e);
        } catch (SdkException e) {
            boolean denied = AwsErrors.status(e) == 403;
            throw new ComputeRuntimeException("cluster " + target.clusterName() + ": invoking " + function + " failed: "
                    + AwsErrors.message(e) + (denied ? " (update the cloud account's role from the LakeSail template:"
                    + " it must allow lambda:InvokeFunction on lakesail-* functions)" : ""), AwsErrors.retryable(e), e);
        }
        byte[] payload = response.payload() == null ? new byte[0] : response.payload().asByteArray();
        if (response.functionError() != null) {
            // A crash, an out-of-memory or a timeout of the agent: the runtime's own error document.
            throw new ComputeRuntimeException("cluster " + target.clusterName() + ": its agent failed ("
                    + response.functionError() + "): " + abbreviated(payload), true, null);
        }
        AgentReply reply;
        try {
            reply = AgentProtocol.decodeReply(payload);
        } catch (IOException e) {
            throw new ComputeRuntimeException("cluster " + target.clusterName() + ": its agent answered something that is"
                    + " not a reply: " + abbreviated(payload), false, e);
        }
        if (!reply.ok()) {
            throw new ComputeRuntimeException("cluster " + target.clusterName() + ": " + reply.error().message(),
                    reply.error().retryable(), null);
        }
        return reply.result();
    }

    private static String abbreviated(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }

    /** The cluster has no agent: nothing can have run there, so there is nothing to read or delete either. */
    static final class AgentMissingException extends ComputeRuntimeException {
        private static final long serialVersionUID = 1L;

        AgentMissingException(String message, Throwable cause) {
            super(message, false, cause);
        }
    }
}
