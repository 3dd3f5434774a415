package com.lakesail.local.workflow.runtime;

/** Where a branch is in its current state. Only the runnable phases are put on the run queue. */
enum Phase {
    /** About to enter its state (emits the StateEntered event). */
    ENTER(true),
    /** About to try its state again after a retry backoff. */
    ATTEMPT(true),
    /** In a Wait state until {@code due}. */
    WAIT(false),
    /** Backing off before a retry, until {@code due}. */
    BACKOFF(false),
    /** In a Task state waiting for a task token callback (or a timeout). */
    TASK(false),
    /** In a Parallel or Map state whose child branches are running. */
    CHILDREN(false),
    /** Every child branch succeeded: collect their outputs. */
    CHILDREN_DONE(true),
    /** A child branch failed: abort the others and fail the state. */
    CHILDREN_FAILED(true),
    /** A child branch that finished; its parent reads the output. */
    SUCCEEDED(false),
    /** A child branch that failed. */
    FAILED(false);

    private final boolean runnable;

    Phase(boolean runnable) {
        this.runnable = runnable;
    }

    boolean runnable() {
        return runnable;
    }
}
