package com.lakesail.backend.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.agent.protocol.AgentCommand.CreateRunner;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A workload's runner: a Job of one pod running the runner image with the runner protocol's four
 * variables (the callback credential from a Secret). A jar at an {@code s3://} location, which the
 * runner cannot read, is first copied into the pod by an init container running the AWS CLI with
 * the pod's own IAM role (EKS Pod Identity on the {@code runner} account), and the run spec then
 * names the copy. A runner runs once: a Job that retried it would run a job's statements twice.
 */
final class RunnerManifests {
    static final String JOB_DIRECTORY = "/opt/lakesail/job";
    static final String STAGED_JAR = JOB_DIRECTORY + "/entrypoint.jar";
    static final String STAGE_CONTAINER = "stage-jar";
    private static final String JOB_VOLUME = "job";
    private static final Pattern S3 = Pattern.compile("^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/\\S+$");

    private RunnerManifests() {
    }

    /** @throws IllegalArgumentException for a jar location the runner cannot be given */
    static Job job(CreateRunner command, Names names, Images images, OwnerReference owner) {
        ObjectNode runSpec = command.runSpec().deepCopy();
        JsonNode entrypoint = runSpec.path("entrypoint");
        String location = entrypoint.path("location").asText(null);
        boolean staged = "jar".equals(entrypoint.path("type").asText()) && location != null && location.startsWith("s3://");
        if (staged) {
            if (!S3.matcher(location).matches()) {
                throw new IllegalArgumentException("the jar location " + location + " is not an S3 object (s3://bucket/key)");
            }
            ((ObjectNode) entrypoint).put("location", STAGED_JAR);
        }
        JobBuilder job = new JobBuilder()
                .withNewMetadata().withName(names.runner()).withNamespace(Names.WORKLOAD_NAMESPACE)
                .withLabels(names.labels(Names.RUNNER)).withOwnerReferences(owner).endMetadata()
                .withNewSpec()
                .withBackoffLimit(0)
                .withNewTemplate()
                .withNewMetadata().withLabels(names.labels(Names.RUNNER)).endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withServiceAccountName(Names.RUNNER_ACCOUNT)
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withInitContainers(staged ? List.of(stager(location, images)) : List.of())
                .addNewContainer()
                .withName(Names.RUNNER)
                .withImage(images.runner())
                .withEnv(SailManifests.env("SPARK_REMOTE", command.sparkRemote()),
                        SailManifests.env("LAKESAIL_CALLBACK_URL", command.callback().url().toString()),
                        SailManifests.secretEnv("LAKESAIL_CALLBACK_TOKEN", names.runner()),
                        SailManifests.env("LAKESAIL_RUN_SPEC", runSpec.toString()))
                .withNewResources()
                .withRequests(Map.of("cpu", new Quantity("500m"), "memory", new Quantity("1Gi")))
                .withLimits(Map.of("memory", new Quantity("2Gi")))
                .endResources()
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withRunAsNonRoot(true).endSecurityContext()
                .withVolumeMounts(staged ? List.of(jobMount(true)) : List.of())
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec();
        if (staged) {
            job.editSpec().editTemplate().editSpec().addNewVolume().withName(JOB_VOLUME).withNewEmptyDir().endEmptyDir()
                    .endVolume().endSpec().endTemplate().endSpec();
        }
        return job.build();
    }

    /** Copies the jar with the pod's IAM role; arguments, not a shell line, so no location is ever interpreted. */
    private static Container stager(String location, Images images) {
        return new ContainerBuilder()
                .withName(STAGE_CONTAINER)
                .withImage(images.staging())
                .withCommand("aws")
                .withArgs("s3", "cp", "--no-progress", "--only-show-errors", location, STAGED_JAR)
                .withNewResources()
                .withRequests(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("256Mi")))
                .withLimits(Map.of("memory", new Quantity("512Mi")))
                .endResources()
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).endSecurityContext()
                .withVolumeMounts(jobMount(false))
                .build();
    }

    private static VolumeMount jobMount(boolean readOnly) {
        return new VolumeMountBuilder().withName(JOB_VOLUME).withMountPath(JOB_DIRECTORY).withReadOnly(readOnly).build();
    }
}
