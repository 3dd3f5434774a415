package com.lakesail.backend.kubernetes;

import com.lakesail.backend.agent.protocol.AgentCommand.SailState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Set;

/**
 * Where a Sail is in its start, read from its Deployment and pod as Kubernetes reports them: ready
 * (its readiness probe reaches Spark Connect), starting (scheduled, pulling, booting) or failing (an
 * image that cannot be pulled, a server that keeps crashing, no node with room for it), with the
 * reason Kubernetes gives, which is what an operator needs when a run says Sail never came up.
 */
final class SailInspection {
    /** Waiting reasons that do not go away by waiting. */
    private static final Set<String> FAILING = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
            "CrashLoopBackOff", "CreateContainerConfigError", "CreateContainerError", "RunContainerError");

    private SailInspection() {
    }

    static SailState inspect(Deployment deployment, List<Pod> pods, Names names) {
        if (deployment == null) {
            return new SailState(SailState.State.ABSENT, null, null);
        }
        String endpoint = names.endpoint();
        if (pods.isEmpty()) {
            return new SailState(SailState.State.STARTING, endpoint, "no Sail pod yet");
        }
        String starting = null;
        for (Pod pod : pods) {
            if (ready(pod)) {
                return new SailState(SailState.State.READY, endpoint, null);
            }
            for (ContainerStatus status : statuses(pod)) {
                ContainerStateWaiting waiting = status.getState() == null ? null : status.getState().getWaiting();
                if (waiting != null && FAILING.contains(waiting.getReason())) {
                    return new SailState(SailState.State.FAILING, endpoint, describe(status.getName(), waiting.getReason(),
                            waiting.getMessage()));
                }
                ContainerStateTerminated ended = status.getLastState() == null ? null : status.getLastState().getTerminated();
                if (ended != null && starting == null) {
                    starting = status.getName() + " exited with " + ended.getExitCode()
                            + (ended.getReason() == null ? "" : " (" + ended.getReason() + ")") + " and is restarting";
                }
                if (waiting != null && starting == null) {
                    starting = describe(status.getName(), waiting.getReason(), waiting.getMessage());
                }
            }
            PodCondition scheduled = condition(pod, "PodScheduled");
            if (scheduled != null && "False".equals(scheduled.getStatus())) {
                return new SailState(SailState.State.STARTING, endpoint, describe("pod", scheduled.getReason(),
                        scheduled.getMessage()));
            }
        }
        return new SailState(SailState.State.STARTING, endpoint, starting == null ? "the Sail pod is starting" : starting);
    }

    private static boolean ready(Pod pod) {
        PodCondition ready = condition(pod, "Ready");
        return ready != null && "True".equals(ready.getStatus());
    }

    private static PodCondition condition(Pod pod, String type) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return null;
        }
        return pod.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    private static List<ContainerStatus> statuses(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null ? List.of()
                : pod.getStatus().getContainerStatuses();
    }

    private static String describe(String what, String reason, String message) {
        return what + ": " + (reason == null ? "waiting" : reason) + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
