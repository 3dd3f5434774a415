package com.lakesail.backend.tasks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.di.DaggerTaskComponent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.crac.Core;
import org.crac.Resource;

/**
 * The workflow task function: every Task state of {@code statemachines/} invokes it (through its
 * published alias, so SnapStart applies) with {@code {"task": ..., "orgId": ..., ...}}. A failure is
 * thrown as a {@link TaskException}, whose class name the Lambda runtime reports as the error Step
 * Functions matches; a payload that is not a task is a {@link StageFailedException} saying so.
 */
public final class TaskHandler implements RequestStreamHandler, Resource {
    private final TaskDispatcher dispatcher;

    /** Called by the Lambda runtime during init, so the graph is built before SnapStart's snapshot. */
    public TaskHandler() {
        this(Graph.TASKS);
        Core.getGlobalContext().register(this);
    }

    TaskHandler(TaskDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode payload;
        try {
            payload = Steps.JSON.readTree(input);
        } catch (JsonProcessingException e) {
            throw new StageFailedException("the task payload is not JSON");
        }
        Steps.JSON.writeValue(output, dispatcher.dispatch(payload == null ? Steps.JSON.nullNode() : payload));
    }

    /** Before the snapshot: the payload's JSON both ways and its parsing, with no store call. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws IOException {
        JsonNode sample = Steps.JSON.readTree("{\"task\":\"priming\",\"orgId\":\"org_priming\",\"generation\":1}");
        TaskInput.of(sample);
        Steps.JSON.writeValueAsBytes(sample);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to renew: no connection is opened before the snapshot, and AWS credentials are read per call.
    }

    /** Holder idiom: the graph is built on first use, once per container (its AWS clients later, on first call). */
    private static final class Graph {
        static final TaskDispatcher TASKS = DaggerTaskComponent.create().tasks();
    }
}
