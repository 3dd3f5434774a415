package com.lakesail.backend.agent;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.lakesail.backend.di.DaggerAgentComponent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The cluster agent (DESIGN §10): a Lambda function the cluster's stack deploys in the customer's
 * VPC, beside the cluster's private Kubernetes endpoint, which the control plane invokes through the
 * customer role with one command of {@link com.lakesail.backend.agent.protocol.AgentProtocol}. It
 * alone talks to Kubernetes. Every invocation answers a reply, even a malformed command (with its
 * error), so the caller never has to read a stack trace.
 */
public final class AgentHandler implements RequestStreamHandler {
    private final AgentDispatcher dispatcher;

    /** Called by the Lambda runtime during init. */
    public AgentHandler() {
        this(Graph.DISPATCHER);
    }

    AgentHandler(AgentDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(dispatcher.handle(input.readAllBytes()));
    }

    /** Holder idiom: the graph is built on first use, once per container (its Kubernetes client per command). */
    private static final class Graph {
        static final AgentDispatcher DISPATCHER = DaggerAgentComponent.create().dispatcher();
    }
}
