package com.lakesail.backend.agent.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The agent's answer to one command: {@code ok} with the command's {@code result}, or an
 * {@link AgentError}. Every answer names the protocol versions and the build of the agent, so the
 * control plane can say which cluster needs its agent updated.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentReply(int protocol, List<Integer> supportedProtocols, String agentVersion, boolean ok,
                         JsonNode result, AgentError error) {

    public static AgentReply success(String agentVersion, JsonNode result) {
        return new AgentReply(AgentProtocol.VERSION, AgentProtocol.SUPPORTED, agentVersion, true, result, null);
    }

    public static AgentReply failure(String agentVersion, AgentError error) {
        return new AgentReply(AgentProtocol.VERSION, AgentProtocol.SUPPORTED, agentVersion, false, null, error);
    }
}
