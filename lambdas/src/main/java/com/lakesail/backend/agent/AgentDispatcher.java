package com.lakesail.backend.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.agent.protocol.AgentCommand;
import com.lakesail.backend.agent.protocol.AgentError;
import com.lakesail.backend.agent.protocol.AgentException;
import com.lakesail.backend.agent.protocol.AgentProtocol;
import com.lakesail.backend.agent.protocol.AgentReply;
import com.lakesail.backend.kubernetes.FabricWorkloads;
import dagger.Lazy;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Properties;
import javax.inject.Inject;

/**
 * The agent's logic: reads one command, does it on the cluster, answers one reply, and never
 * throws: whatever goes wrong is a reply the control plane maps to its own error (retryable or
 * not). One JSON log line per command (its name and workload, the outcome, the time; never a
 * credential).
 */
public final class AgentDispatcher {
    static final String VERSION = version();

    private final Lazy<FabricWorkloads> workloads;
    private final Clock clock;
    private final PrintStream log;

    @Inject
    public AgentDispatcher(Lazy<FabricWorkloads> workloads, Clock clock) {
        this(workloads, clock, System.out);
    }

    AgentDispatcher(Lazy<FabricWorkloads> workloads, Clock clock, PrintStream log) {
        this.workloads = workloads;
        this.clock = clock;
        this.log = log;
    }

    public byte[] handle(byte[] payload) {
        long started = clock.millis();
        ObjectNode line = AgentProtocol.json().createObjectNode().put("agentVersion", VERSION);
        AgentReply reply;
        try {
            AgentCommand command = AgentProtocol.decode(payload);
            describe(command, line);
            reply = AgentReply.success(VERSION, AgentProtocol.tree(run(command)));
        } catch (AgentException e) {
            reply = AgentReply.failure(VERSION, e.error());
        } catch (RuntimeException e) {
            // Ours, not the cluster's: the reply says which, the log keeps the trace.
            e.printStackTrace(log);
            String message = e instanceof IllegalStateException ? e.getMessage() : e.getClass().getSimpleName();
            reply = AgentReply.failure(VERSION, new AgentError(AgentError.Code.INTERNAL_ERROR,
                    "the agent failed: " + message, false));
        }
        line.put("ok", reply.ok()).put("millis", clock.millis() - started);
        if (!reply.ok()) {
            line.set("error", AgentProtocol.tree(reply.error()));
        }
        log.println(line);
        return AgentProtocol.encode(reply);
    }

    private Object run(AgentCommand command) {
        if (command instanceof AgentCommand.Bootstrap) {
            workloads.get().bootstrap();
            return AgentProtocol.json().createObjectNode();
        }
        if (command instanceof AgentCommand.CreateSail c) {
            return workloads.get().createSail(c);
        }
        if (command instanceof AgentCommand.SailStatus c) {
            return workloads.get().sailStatus(c.workload());
        }
        if (command instanceof AgentCommand.CreateRunner c) {
            workloads.get().createRunner(c);
            return AgentProtocol.json().createObjectNode();
        }
        if (command instanceof AgentCommand.CreateSession c) {
            return workloads.get().createSession(c);
        }
        if (command instanceof AgentCommand.ReadLogs c) {
            return workloads.get().readLogs(c);
        }
        if (command instanceof AgentCommand.Delete c) {
            workloads.get().delete(c.workload());
            return AgentProtocol.json().createObjectNode();
        }
        throw new AgentException(new AgentError(AgentError.Code.UNKNOWN_COMMAND, "no handler for "
                + command.getClass().getSimpleName(), false), null);
    }

    private static void describe(AgentCommand command, ObjectNode line) {
        ObjectNode json = AgentProtocol.json().valueToTree(command);
        line.put("command", json.path("command").asText());
        if (json.has("workload")) {
            line.put("workload", json.path("workload").path("id").asText());
        }
    }

    /** This build's version, from the package's Maven metadata; {@code dev} when run from classes. */
    private static String version() {
        try (InputStream in = AgentDispatcher.class.getResourceAsStream(
                "/META-INF/maven/com.lakesail/lakesail-lambdas/pom.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (java.io.IOException e) {
            return "dev";
        }
    }
}
