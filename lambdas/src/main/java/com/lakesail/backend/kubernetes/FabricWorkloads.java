package com.lakesail.backend.kubernetes;

import com.lakesail.backend.agent.protocol.AgentCommand.CreateRunner;
import com.lakesail.backend.agent.protocol.AgentCommand.CreateSail;
import com.lakesail.backend.agent.protocol.AgentCommand.CreateSession;
import com.lakesail.backend.agent.protocol.AgentCommand.LogLines;
import com.lakesail.backend.agent.protocol.AgentCommand.ReadLogs;
import com.lakesail.backend.agent.protocol.AgentCommand.SailEndpoint;
import com.lakesail.backend.agent.protocol.AgentCommand.SailState;
import com.lakesail.backend.agent.protocol.AgentCommand.SessionEndpoint;
import com.lakesail.backend.agent.protocol.AgentCommand.WorkloadRef;
import com.lakesail.backend.agent.protocol.AgentError;
import com.lakesail.backend.agent.protocol.AgentException;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The agent's work on its cluster, over Fabric8 (DESIGN §10): bootstrap, a workload's Sail and
 * runner, a session's engine and gate, their logs, their deletion. Mutable objects are created or replaced and Jobs (whose pod
 * template cannot change) created or kept, rather than server-side applied: the outcome is the
 * same on a real API server and on the CRUD mock the tests use, and a retried command converges.
 * Failures are {@link AgentException}s that say whether trying again may help.
 */
public final class FabricWorkloads {
    /** How long {@link #createSession} waits for its gate's load balancer: well within the agent's 30 s. */
    static final Duration GATE_WAIT = Duration.ofSeconds(15);
    static final Duration GATE_POLL = Duration.ofSeconds(1);

    private final Supplier<KubernetesClient> clients;
    private final Images images;
    private final Pause pause;
    private final int gatePolls;

    /** @param clients opens a client for one command; this class closes it */
    public FabricWorkloads(Supplier<KubernetesClient> clients, Images images) {
        this(clients, images, d -> Thread.sleep(d.toMillis()), (int) (GATE_WAIT.toMillis() / GATE_POLL.toMillis()));
    }

    /** @param gatePolls how many times {@link #createSession} looks for its gate's address, pausing {@link #GATE_POLL} between */
    FabricWorkloads(Supplier<KubernetesClient> clients, Images images, Pause pause, int gatePolls) {
        this.clients = clients;
        this.images = images;
        this.pause = pause;
        this.gatePolls = gatePolls;
    }

    /** Waits between two looks at something Kubernetes' controllers are doing. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    public void bootstrap() {
        call("bootstrap", k8s -> {
            ClusterBootstrap.objects().forEach(o -> createOrReplace(k8s, o));
            return null;
        });
    }

    public SailEndpoint createSail(CreateSail command) {
        Names names = Names.of(command.workload());
        Map<String, String> settings = spec(() -> SparkDefaults.settings(command.catalogs(), command.sparkConf()));
        return call("createSail", k8s -> {
            Deployment root = createOrReplace(k8s, SailManifests.deployment(command, names, images));
            OwnerReference owner = SailManifests.ownedBy(root);
            createOrReplace(k8s, SailManifests.sparkConf(names, settings, owner));
            createOrReplace(k8s, SailManifests.credential(names.sail(), names, Names.WATCHER, command.callback().token(), owner));
            createOrKeep(k8s, SailManifests.service(names, owner));
            createOrKeep(k8s, SailManifests.watcher(command, names, images, owner));
            return new SailEndpoint(names.endpoint());
        });
    }

    /**
     * A session's engine ({@link SessionManifests}): the gate's Service first, then, once its load
     * balancer has an address (which the session server announces), the Sail and the session server,
     * their settings and the server's credential. A gate without an address within {@link #GATE_WAIT}
     * fails retryable ({@code NotReady}); the retry keeps the Service and looks again.
     */
    public SessionEndpoint createSession(CreateSession command) {
        Names names = Names.of(command.workload());
        Map<String, String> settings = spec(() -> SparkDefaults.settings(command.catalogs(), Map.of()));
        return call("createSession", k8s -> {
            Service gate = createOrKeep(k8s, SessionManifests.gate(command, names));
            String host = SessionManifests.gateHost(gate);
            for (int poll = 1; host == null && poll < gatePolls; poll++) {
                try {
                    pause.pause(GATE_POLL);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                gate = k8s.services().inNamespace(Names.WORKLOAD_NAMESPACE).withName(names.gate()).get();
                host = SessionManifests.gateHost(gate);
            }
            if (host == null) {
                throw AgentException.of(AgentError.Code.NOT_READY, "createSession: the session gate's load balancer (Service "
                        + Names.WORKLOAD_NAMESPACE + "/" + names.gate() + ") has no address yet; if it never gets one, its"
                        + " events say why (kubectl describe service)", true);
            }
            Deployment root = createOrReplace(k8s, SessionManifests.deployment(command, names, images, host));
            OwnerReference owner = SailManifests.ownedBy(root);
            createOrReplace(k8s, SailManifests.sparkConf(names, settings, owner));
            createOrReplace(k8s, SailManifests.credential(names.session(), names, Names.SESSION, command.callback().token(), owner));
            // The gate as last read (it has its address): named by the Deployment once, so deleting it deletes the gate.
            if (!SessionManifests.ownedBy(gate, owner)) {
                k8s.services().inNamespace(Names.WORKLOAD_NAMESPACE).withName(names.gate())
                        .edit(s -> new ServiceBuilder(s).editMetadata().addToOwnerReferences(owner).endMetadata().build());
            }
            return new SessionEndpoint(SessionManifests.endpoint(host));
        });
    }

    public SailState sailStatus(WorkloadRef workload) {
        Names names = Names.of(workload);
        return call("sailStatus", k8s -> SailInspection.inspect(deployment(k8s, names), pods(k8s, names, Names.SAIL), names));
    }

    public void createRunner(CreateRunner command) {
        Names names = Names.of(command.workload());
        call("createRunner", k8s -> {
            Deployment root = deployment(k8s, names);
            if (root == null) {
                throw AgentException.of(AgentError.Code.NOT_FOUND, "workload " + command.workload().id()
                        + " has no Sail on this cluster: it was deleted, or never created", false);
            }
            OwnerReference owner = SailManifests.ownedBy(root);
            var job = spec(() -> RunnerManifests.job(command, names, images, owner));
            createOrReplace(k8s, SailManifests.credential(names.runner(), names, Names.RUNNER, command.callback().token(), owner));
            createOrKeep(k8s, job);
            return null;
        });
    }

    /** The Sail server's output (stream {@code sail}) and, where a runner stages a jar, that step's (stream {@code runner}). */
    public LogLines readLogs(ReadLogs command) {
        Names names = Names.of(command.workload());
        return call("readLogs", k8s -> {
            List<WorkloadLogs.Source> sources = new ArrayList<>();
            pods(k8s, names, Names.SAIL).forEach(p -> sources.add(new WorkloadLogs.Source(p.getMetadata().getName(),
                    Names.SAIL, "sail")));
            for (Pod p : pods(k8s, names, Names.RUNNER)) {
                if (p.getSpec() != null && p.getSpec().getInitContainers() != null && p.getSpec().getInitContainers().stream()
                        .anyMatch(c -> RunnerManifests.STAGE_CONTAINER.equals(c.getName()))) {
                    sources.add(new WorkloadLogs.Source(p.getMetadata().getName(), RunnerManifests.STAGE_CONTAINER, "runner"));
                }
            }
            return WorkloadLogs.page(sources, command.cursor(), (source, since, limit) -> log(k8s, source, since, limit));
        });
    }

    /**
     * The root first (the garbage collector then removes what it owns), then whatever still carries
     * the workload's label: nothing is left if the collector is slow, or if a retry comes after a
     * half-finished create.
     */
    public void delete(WorkloadRef workload) {
        Names names = Names.of(workload);
        call("delete", k8s -> {
            k8s.apps().deployments().inNamespace(Names.WORKLOAD_NAMESPACE).withName(names.sail())
                    .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
            k8s.batch().v1().jobs().inNamespace(Names.WORKLOAD_NAMESPACE).withLabel(Names.WORKLOAD, names.slug())
                    .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
            k8s.services().inNamespace(Names.WORKLOAD_NAMESPACE).withLabel(Names.WORKLOAD, names.slug()).delete();
            k8s.configMaps().inNamespace(Names.WORKLOAD_NAMESPACE).withLabel(Names.WORKLOAD, names.slug()).delete();
            k8s.secrets().inNamespace(Names.WORKLOAD_NAMESPACE).withLabel(Names.WORKLOAD, names.slug()).delete();
            k8s.pods().inNamespace(Names.WORKLOAD_NAMESPACE).withLabel(Names.WORKLOAD, names.slug()).delete();
            return null;
        });
    }

    // ---- helpers

    private <T> T call(String command, Function<KubernetesClient, T> work) {
        try (KubernetesClient k8s = clients.get()) {
            return work.apply(k8s);
        } catch (KubernetesClientException e) {
            throw failure(command, e);
        }
    }

    /** What the command asks for cannot be built: not worth retrying. */
    private static <T> T spec(Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw AgentException.of(AgentError.Code.INVALID_SPEC, e.getMessage(), false);
        }
    }

    static AgentException failure(String command, KubernetesClientException e) {
        int code = e.getCode();
        if (code < 1) {
            Throwable cause = e.getCause();
            return new AgentException(new AgentError(AgentError.Code.CLUSTER_UNREACHABLE, command
                    + ": the cluster's Kubernetes API did not answer: " + (cause == null ? e.getMessage() : cause.toString()),
                    true), e);
        }
        String status = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
        String hint = code == 401 || code == 403 ? " (the agent's EKS access entry grants its rights: is it in place?)" : "";
        return new AgentException(new AgentError(AgentError.Code.KUBERNETES_ERROR, command + ": Kubernetes answered "
                + code + ": " + status + hint, retryable(code)), e);
    }

    /** 409 is a concurrent writer; 429 and 5xx pass. */
    static boolean retryable(int code) {
        return code == 409 || code == 429 || code >= 500;
    }

    private static <T extends HasMetadata> T createOrReplace(KubernetesClient k8s, T object) {
        return k8s.resource(object).createOr(NonDeletingOperation::update);
    }

    /** For Jobs (their pod template cannot change) and Services (their cluster IP must not). */
    private static <T extends HasMetadata> T createOrKeep(KubernetesClient k8s, T object) {
        try {
            return k8s.resource(object).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                return k8s.resource(object).get();
            }
            throw e;
        }
    }

    private static Deployment deployment(KubernetesClient k8s, Names names) {
        return k8s.apps().deployments().inNamespace(Names.WORKLOAD_NAMESPACE).withName(names.sail()).get();
    }

    /** The component's pods, oldest first. */
    private static List<Pod> pods(KubernetesClient k8s, Names names, String component) {
        List<Pod> pods = new ArrayList<>(k8s.pods().inNamespace(Names.WORKLOAD_NAMESPACE)
                .withLabels(names.selector(component)).list().getItems());
        pods.sort(Comparator.comparing((Pod p) -> String.valueOf(p.getMetadata().getCreationTimestamp()))
                .thenComparing(p -> p.getMetadata().getName()));
        return pods;
    }

    /** A container that has not started, or a pod gone meanwhile, has nothing to read yet. */
    private static String log(KubernetesClient k8s, WorkloadLogs.Source source, String since, int limit) {
        try {
            var log = k8s.pods().inNamespace(Names.WORKLOAD_NAMESPACE).withName(source.pod()).inContainer(source.container())
                    .withReadyWaitTimeout(0).usingTimestamps().limitBytes(limit);
            return since == null ? log.getLog() : log.sinceTime(since).getLog();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 400 || e.getCode() == 404) {
                return null;
            }
            throw e;
        }
    }
}
