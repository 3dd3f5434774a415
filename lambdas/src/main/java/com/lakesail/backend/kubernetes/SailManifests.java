package com.lakesail.backend.kubernetes;

import com.lakesail.backend.agent.protocol.AgentCommand.Compute;
import com.lakesail.backend.agent.protocol.AgentCommand.CreateSail;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A workload's Sail on the cluster (DESIGN §10): a Deployment of one Spark Connect server
 * ({@code SAIL_MODE=kubernetes-cluster}, port 50051, workers started on demand as the {@code sail}
 * account), a Service in front of it, its Spark settings as a mounted {@code spark-defaults.conf},
 * and the watcher: a Job of the runner image in its {@code watch-sail} mode, which asks the Sail
 * {@code SELECT 1} through the Service, exactly as the runner will reach it, and reports
 * {@code sail_ready} (or {@code sail_failed}) to the run's callback. The Deployment is the root of
 * the workload: the others name it as their owner, so deleting it deletes them.
 */
final class SailManifests {
    static final String CONF_DIR = "/opt/lakesail/conf";
    static final String TOKEN_KEY = "callback-token";
    static final String TOKEN_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";
    private static final String CONF_VOLUME = "spark-conf";
    private static final String TOKEN_VOLUME = "sail-account-token";

    private SailManifests() {
    }

    static Deployment deployment(CreateSail command, Names names, Images images) {
        return deployment(names, List.of(server(command.compute(), names, images, false)), false);
    }

    /**
     * The Sail server's container: Spark Connect on port 50051, on every address of the pod or, for a
     * session (whose gate beside it is the only way in), on its loopback only. Its workers reach the
     * driver on the pod's own address either way.
     */
    static Container server(Compute compute, Names names, Images images, boolean loopbackOnly) {
        var driver = compute.driver();
        var worker = compute.worker();
        // With no workers the server runs every task itself; otherwise it starts them as pods.
        String mode = compute.maxWorkers() == 0 ? "local" : "kubernetes-cluster";
        List<EnvVar> env = new ArrayList<>(List.of(
                env("SAIL_MODE", mode),
                env("SAIL_CLUSTER__DRIVER_LISTEN_HOST", "0.0.0.0"),
                fieldEnv("SAIL_CLUSTER__DRIVER_EXTERNAL_HOST", "status.podIP"),
                env("SAIL_CLUSTER__WORKER_INITIAL_COUNT", "0"),
                env("SAIL_CLUSTER__WORKER_MAX_COUNT", Integer.toString(compute.maxWorkers())),
                env("SAIL_KUBERNETES__IMAGE", images.sail()),
                fieldEnv("SAIL_KUBERNETES__NAMESPACE", "metadata.namespace"),
                fieldEnv("SAIL_KUBERNETES__DRIVER_POD_NAME", "metadata.name"),
                env("SAIL_KUBERNETES__WORKER_POD_NAME_PREFIX", names.workerPrefix()),
                env("SAIL_KUBERNETES__WORKER_SERVICE_ACCOUNT_NAME", Names.SAIL_ACCOUNT),
                // Workers carry the workload's labels, so its delete and its log reader find them.
                env("SAIL_KUBERNETES__WORKER_POD_TEMPLATE", workerTemplate(names, worker.cpu(), worker.memoryGiB())),
                env("SPARK_CONF_DIR", CONF_DIR),
                env("RUST_LOG", "info")));
        ContainerBuilder container = new ContainerBuilder()
                .withName(Names.SAIL)
                .withImage(images.sail())
                .withCommand("sail")
                .withArgs("spark", "server", "--ip", loopbackOnly ? "127.0.0.1" : "0.0.0.0",
                        "--port", Integer.toString(Names.SPARK_CONNECT_PORT))
                .withEnv(env)
                .addNewPort().withName("spark-connect").withContainerPort(Names.SPARK_CONNECT_PORT).endPort()
                .withNewResources()
                .withRequests(Map.of("cpu", new Quantity(Integer.toString(driver.cpu())),
                        "memory", new Quantity(driver.memoryGiB() + "Gi")))
                .withLimits(Map.of("memory", new Quantity(driver.memoryGiB() + "Gi")))
                .endResources()
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).endSecurityContext()
                .addNewVolumeMount().withName(CONF_VOLUME).withMountPath(CONF_DIR).withReadOnly(true).endVolumeMount();
        if (loopbackOnly) {
            // The kubelet probes the pod's address, where this server does not listen; the session
            // server's probe stands for the pod, and it reports the session ready once it reached Sail.
            // The pod mounts no account token by default (the session server needs none): Sail's own.
            container.addNewVolumeMount().withName(TOKEN_VOLUME).withMountPath(TOKEN_DIR).withReadOnly(true).endVolumeMount();
        } else {
            container.withNewReadinessProbe().withNewTcpSocket().withNewPort(Names.SPARK_CONNECT_PORT).endTcpSocket()
                    .withPeriodSeconds(2).withFailureThreshold(3).endReadinessProbe();
        }
        return container.build();
    }

    /**
     * The workload's root: one pod of the given containers as the {@code sail} account, with the Sail's
     * settings mounted. With {@code ownTokenOnly} the pod mounts no account token, and Sail's container
     * mounts the one it needs (what Kubernetes would project) itself.
     */
    static Deployment deployment(Names names, List<Container> containers, boolean ownTokenOnly) {
        DeploymentBuilder deployment = new DeploymentBuilder()
                .withNewMetadata().withName(names.sail()).withNamespace(Names.WORKLOAD_NAMESPACE)
                .withLabels(names.labels(Names.SAIL)).endMetadata()
                .withNewSpec()
                .withReplicas(1)
                // Never two servers for one workload: sessions live in one process.
                .withNewStrategy().withType("Recreate").endStrategy()
                .withNewSelector().withMatchLabels(names.selector(Names.SAIL)).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(names.labels(Names.SAIL)).endMetadata()
                .withNewSpec()
                .withServiceAccountName(Names.SAIL_ACCOUNT)
                .withEnableServiceLinks(false)
                .withContainers(containers)
                .addNewVolume().withName(CONF_VOLUME).withNewConfigMap().withName(names.sail()).endConfigMap().endVolume()
                .endSpec()
                .endTemplate()
                .endSpec();
        if (ownTokenOnly) {
            deployment.editSpec().editTemplate().editSpec().withAutomountServiceAccountToken(false)
                    .addToVolumes(accountToken()).endSpec().endTemplate().endSpec();
        }
        return deployment.build();
    }

    /** The account token, CA and namespace, as Kubernetes projects them into a pod that mounts its token. */
    private static Volume accountToken() {
        return new VolumeBuilder().withName(TOKEN_VOLUME).withNewProjected().withDefaultMode(0444)
                .addNewSource().withNewServiceAccountToken().withPath("token").withExpirationSeconds(3607L)
                .endServiceAccountToken().endSource()
                .addNewSource().withNewConfigMap().withName("kube-root-ca.crt").addNewItem().withKey("ca.crt").withPath("ca.crt")
                .endItem().endConfigMap().endSource()
                .addNewSource().withNewDownwardAPI().addNewItem().withPath("namespace").withNewFieldRef().withApiVersion("v1")
                .withFieldPath("metadata.namespace").endFieldRef().endItem().endDownwardAPI().endSource()
                .endProjected().build();
    }

    static Service service(Names names, OwnerReference owner) {
        return new ServiceBuilder()
                .withNewMetadata().withName(names.sail()).withNamespace(Names.WORKLOAD_NAMESPACE)
                .withLabels(names.labels(Names.SAIL)).withOwnerReferences(owner).endMetadata()
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(names.selector(Names.SAIL))
                .addNewPort().withName("spark-connect").withProtocol("TCP").withPort(Names.SPARK_CONNECT_PORT)
                .withNewTargetPort(Names.SPARK_CONNECT_PORT).endPort()
                .endSpec()
                .build();
    }

    static ConfigMap sparkConf(Names names, Map<String, String> settings, OwnerReference owner) {
        return new ConfigMapBuilder()
                .withNewMetadata().withName(names.sail()).withNamespace(Names.WORKLOAD_NAMESPACE)
                .withLabels(names.labels(Names.SAIL)).withOwnerReferences(owner).endMetadata()
                .withData(Map.of(SparkDefaults.FILE, SparkDefaults.file(settings)))
                .build();
    }

    /** A callback credential, kept out of the pod specs (where anyone who may read a Job would see it). */
    static Secret credential(String name, Names names, String component, String token, OwnerReference owner) {
        return new SecretBuilder()
                .withNewMetadata().withName(name).withNamespace(Names.WORKLOAD_NAMESPACE)
                .withLabels(names.labels(component)).withOwnerReferences(owner).endMetadata()
                .withType("Opaque")
                .withData(Map.of(TOKEN_KEY, Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8))))
                .build();
    }

    /**
     * The watcher: gives up (reporting {@code sail_failed}) after the command's ready timeout, and
     * exits 0 once it has reported either way, so its Job retries only a crash.
     */
    static Job watcher(CreateSail command, Names names, Images images, OwnerReference owner) {
        return new JobBuilder()
                .withNewMetadata().withName(names.watcher()).withNamespace(Names.WORKLOAD_NAMESPACE)
                .withLabels(names.labels(Names.WATCHER)).withOwnerReferences(owner).endMetadata()
                .withNewSpec()
                .withBackoffLimit(2)
                .withActiveDeadlineSeconds((long) command.readyTimeoutSeconds() + 300)
                .withNewTemplate()
                .withNewMetadata().withLabels(names.labels(Names.WATCHER)).endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withServiceAccountName(Names.RUNNER_ACCOUNT)
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .addNewContainer()
                .withName("watch")
                .withImage(images.runner())
                .withEnv(env("LAKESAIL_RUNNER_MODE", "watch-sail"),
                        env("SPARK_REMOTE", names.endpoint()),
                        env("LAKESAIL_CALLBACK_URL", command.callback().url().toString()),
                        secretEnv("LAKESAIL_CALLBACK_TOKEN", names.sail()),
                        env("LAKESAIL_SAIL_TIMEOUT_SECONDS", Integer.toString(command.readyTimeoutSeconds())))
                .withNewResources()
                .withRequests(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("384Mi")))
                .withLimits(Map.of("memory", new Quantity("512Mi")))
                .endResources()
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withRunAsNonRoot(true).endSecurityContext()
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    /** Names the workload's root, so the garbage collector deletes what names it when the root goes. */
    static OwnerReference ownedBy(Deployment root) {
        return new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("Deployment")
                .withName(root.getMetadata().getName()).withUid(root.getMetadata().getUid())
                .withBlockOwnerDeletion(false).withController(false).build();
    }

    /**
     * Sail's worker pods: the workload's labels, and each worker's size on the container Sail calls
     * {@code worker} (Sail merges this template into the pods it starts, then sets its own labels).
     */
    private static String workerTemplate(Names names, int cpu, int memoryGiB) {
        String labels = names.labels(Names.WORKER).entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .collect(java.util.stream.Collectors.joining(","));
        return "{\"metadata\":{\"labels\":{" + labels + "}},\"spec\":{\"containers\":[{\"name\":\"worker\","
                + "\"resources\":{\"requests\":{\"cpu\":\"" + cpu + "\",\"memory\":\"" + memoryGiB + "Gi\"},"
                + "\"limits\":{\"memory\":\"" + memoryGiB + "Gi\"}}}]}}";
    }

    static EnvVar env(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }

    static EnvVar secretEnv(String name, String secret) {
        return new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef().withName(secret)
                .withKey(TOKEN_KEY).endSecretKeyRef().endValueFrom().build();
    }

    private static EnvVar fieldEnv(String name, String fieldPath) {
        return new EnvVarBuilder().withName(name).withNewValueFrom().withNewFieldRef().withFieldPath(fieldPath)
                .endFieldRef().endValueFrom().build();
    }
}
