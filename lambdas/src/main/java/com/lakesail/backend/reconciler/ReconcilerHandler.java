package com.lakesail.backend.reconciler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.backend.di.DaggerReconcilerComponent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The reconciler function: an EventBridge schedule invokes it every minute (the event itself says
 * nothing it needs), and it runs one {@link Reconciler} pass over the due outbox entries.
 */
public final class ReconcilerHandler implements RequestStreamHandler {
    /**
     * Entries per invocation: each costs a few store and Step Functions calls, so this many fit the
     * function's timeout with room to spare; the rest stay due for the next minute.
     */
    static final int ENTRIES_PER_PASS = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Reconciler reconciler;

    /** Called by the Lambda runtime during init, so the graph is built before SnapStart's snapshot. */
    public ReconcilerHandler() {
        this(Graph.RECONCILER);
    }

    ReconcilerHandler(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.transferTo(OutputStream.nullOutputStream());
        JSON.writeValue(output, reconciler.runDue(ENTRIES_PER_PASS));
    }

    /** Holder idiom: the graph (and its AWS clients) is built on first use, once per container. */
    private static final class Graph {
        static final Reconciler RECONCILER = DaggerReconcilerComponent.create().reconciler();
    }
}
