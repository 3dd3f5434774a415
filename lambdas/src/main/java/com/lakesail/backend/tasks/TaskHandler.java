package com.lakesail.backend.tasks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.di.DaggerLambdaComponent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The workflow task function: every Task state of {@code statemachines/} invokes it with
 * {@code {"task": ..., "orgId": ..., ...}}. A failure is thrown as a {@link TaskException}, whose
 * class name the Lambda runtime reports as the error Step Functions matches.
 */
public final class TaskHandler implements RequestStreamHandler {
    private final TaskDispatcher dispatcher;

    /** Called by the Lambda runtime during init, so the graph is built before SnapStart's snapshot. */
    public TaskHandler() {
        this(Graph.TASKS);
    }

    TaskHandler(TaskDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode payload = Steps.JSON.readTree(input);
        Steps.JSON.writeValue(output, dispatcher.dispatch(payload));
    }

    /** Holder idiom: the graph (and its AWS clients) is built on first use, once per container. */
    private static final class Graph {
        static final TaskDispatcher TASKS = DaggerLambdaComponent.create().tasks();
    }
}
