package com.lakesail.backend.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.agent.protocol.AgentCommand.CreateSession;
import com.lakesail.backend.agent.protocol.AgentProtocol;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's engine on the cluster (DESIGN §9, §10): one pod of two containers, and the gate's
 * load balancer.
 *
 * <ul>
 * <li>{@code sail}: the run's Sail server, but listening on the pod's loopback only, so nothing but
 *     the gate beside it reaches it (its workers still reach the driver on the pod's address);
 * <li>{@code session}: the runner image in {@code session} mode: it connects to the Sail, runs the
 *     session gate on port 15002 (it admits only the session's tokens), pulls the session's
 *     statements from the control plane with its callback credential (a Secret, never in the spec)
 *     and reports {@code session_ready} with the gate's address itself, so no watcher is needed;
 * <li>the gate's Service, {@code type: LoadBalancer} with the AWS NLB annotations (both the in-tree
 *     controller's and the AWS Load Balancer Controller's): internal for a private cluster;
 *     internet-facing, admitting only the cluster's allowed CIDRs, for a public one.
 * </ul>
 */
final class SessionManifests {
    static final String CONTAINER = Names.SESSION;
    static final String GATE_PORT_NAME = "gate";

    static final String LB_TYPE = "service.beta.kubernetes.io/aws-load-balancer-type";
    static final String LB_SCHEME = "service.beta.kubernetes.io/aws-load-balancer-scheme";
    static final String LB_INTERNAL = "service.beta.kubernetes.io/aws-load-balancer-internal";

    private SessionManifests() {
    }

    /** Where clients reach the session: the gate's load balancer, once it has an address. */
    static String endpoint(String gateHost) {
        return "sc://" + gateHost + ":" + Names.GATE_PORT;
    }

    /** Where the session server reaches its Sail: the pod's loopback. */
    static String sail() {
        // "localhost": the Spark Connect client insists on TLS for any other host once it carries a token.
        return "sc://localhost:" + Names.SPARK_CONNECT_PORT;
    }

    static Deployment deployment(CreateSession command, Names names, Images images, String gateHost) {
        return SailManifests.deployment(names, List.of(SailManifests.server(command.compute(), names, images, true),
                server(command, names, images, gateHost)), true);
    }

    /** The session server, with the session spec it reads ({@code LAKESAIL_SESSION_SPEC}). */
    static Container server(CreateSession command, Names names, Images images, String gateHost) {
        return new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(images.runner())
                .withEnv(SailManifests.env("LAKESAIL_RUNNER_MODE", "session"),
                        SailManifests.env("LAKESAIL_CALLBACK_URL", command.callback().url().toString()),
                        SailManifests.secretEnv("LAKESAIL_CALLBACK_TOKEN", names.session()),
                        SailManifests.env("LAKESAIL_SESSION_SPEC", spec(command, gateHost).toString()))
                .addNewPort().withName(GATE_PORT_NAME).withContainerPort(Names.GATE_PORT).withProtocol("TCP").endPort()
                .withNewResources()
                .withRequests(Map.of("cpu", new Quantity("250m"), "memory", new Quantity("768Mi")))
                .withLimits(Map.of("memory", new Quantity("1Gi")))
                .endResources()
                .withNewReadinessProbe().withNewTcpSocket().withNewPort(Names.GATE_PORT).endTcpSocket()
                .withPeriodSeconds(2).withFailureThreshold(3).endReadinessProbe()
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withRunAsNonRoot(true).endSecurityContext()
                .build();
    }

    static ObjectNode spec(CreateSession command, String gateHost) {
        ObjectNode spec = AgentProtocol.json().createObjectNode()
                .put("sessionId", command.workload().id())
                .put("sail", sail())
                .put("endpoint", endpoint(gateHost))
                .put("heartbeatSeconds", command.heartbeatSeconds());
        spec.putObject("gate")
                .put("listen", "0.0.0.0:" + Names.GATE_PORT)
                .put("jwks", command.gate().jwksUrl().toString())
                .put("issuer", command.gate().issuer())
                .put("audience", command.gate().audience())
                .put("sessionId", command.gate().sessionId());
        return spec;
    }

    /**
     * The gate's Service. Created before the Deployment (which needs its address), so it names no
     * owner yet; {@link #ownedBy} adds the Deployment once it exists.
     */
    static Service gate(CreateSession command, Names names) {
        boolean open = command.exposure().publicAccess();
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(LB_TYPE, "nlb");
        annotations.put(LB_SCHEME, open ? "internet-facing" : "internal");
        if (!open) {
            annotations.put(LB_INTERNAL, "true");
        }
        return new ServiceBuilder()
                .withNewMetadata().withName(names.gate()).withNamespace(Names.WORKLOAD_NAMESPACE)
                .withLabels(names.labels(Names.GATE)).withAnnotations(annotations).endMetadata()
                .withNewSpec()
                .withType("LoadBalancer")
                .withSelector(names.selector(Names.SAIL))
                .addNewPort().withName(GATE_PORT_NAME).withProtocol("TCP").withPort(Names.GATE_PORT)
                .withNewTargetPort(GATE_PORT_NAME).endPort()
                .withLoadBalancerSourceRanges(open ? command.exposure().allowedCidrs() : List.of())
                .endSpec()
                .build();
    }

    /** The load balancer's DNS name (or, where a provider gives one, its address); null until it has one. */
    static String gateHost(Service service) {
        if (service == null || service.getStatus() == null || service.getStatus().getLoadBalancer() == null
                || service.getStatus().getLoadBalancer().getIngress() == null) {
            return null;
        }
        for (LoadBalancerIngress ingress : service.getStatus().getLoadBalancer().getIngress()) {
            if (ingress.getHostname() != null && !ingress.getHostname().isBlank()) {
                return ingress.getHostname();
            }
            if (ingress.getIp() != null && !ingress.getIp().isBlank()) {
                return ingress.getIp();
            }
        }
        return null;
    }

    /** Whether the Service already names this owner. */
    static boolean ownedBy(Service service, OwnerReference owner) {
        return service.getMetadata().getOwnerReferences() != null && service.getMetadata().getOwnerReferences().stream()
                .anyMatch(o -> owner.getUid() != null && owner.getUid().equals(o.getUid()));
    }
}
