package com.lakesail.backend.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.domain.NotFoundException;
import com.lakesail.backend.port.CloudProviderException;
import com.lakesail.backend.port.ComputeRuntimeException;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.StoreException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;

/**
 * The one workflow task handler's logic, shared by the Lambda function and the local engine:
 * finds the task by the payload's {@code task} field and maps what it throws to the error names
 * the state machines match ({@link TaskException}).
 *
 * <pre>{@code
 * JsonNode out = dispatcher.dispatch(payload);   // {"task": "network.createStack", "orgId": ..., ...}
 * }</pre>
 */
public final class TaskDispatcher {
    private final Map<String, Task> tasks = new HashMap<>();

    @Inject
    public TaskDispatcher(CloudAccountTasks accounts, NetworkTasks networks, ClusterTasks clusters, CatalogTasks catalogs,
                          JobRunTasks jobRuns, SessionTasks sessions) {
        tasks.putAll(accounts.tasks());
        tasks.putAll(networks.tasks());
        tasks.putAll(clusters.tasks());
        tasks.putAll(catalogs.tasks());
        tasks.putAll(jobRuns.tasks());
        tasks.putAll(sessions.tasks());
    }

    public Set<String> names() {
        return Set.copyOf(tasks.keySet());
    }

    /** @throws TaskException always one of its three kinds, whatever the task threw */
    public JsonNode dispatch(JsonNode payload) {
        TaskInput input = TaskInput.of(payload);
        Task task = tasks.get(input.task());
        if (task == null) {
            throw new StageFailedException("unknown task " + input.task());
        }
        try {
            return task.run(input);
        } catch (TaskException e) {
            throw e;
        } catch (NotFoundException e) {
            throw new ResourceGoneException(e.getMessage());
        } catch (CloudProviderException e) {
            throw e.retryable() ? new RetryableTaskException(e.getMessage(), e) : new StageFailedException(e.getMessage(), e);
        } catch (ComputeRuntimeException e) {
            throw e.retryable() ? new RetryableTaskException(e.getMessage(), e) : new StageFailedException(e.getMessage(), e);
        } catch (ConditionFailedException | StoreException e) {
            throw new RetryableTaskException("store: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // A bug, not the customer's doing: the reason says so without internals; logs keep the rest.
            throw new StageFailedException("internal error in task " + input.task() + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
