package com.lakesail.local.workflow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.port.Workflows;
import com.lakesail.local.workflow.TaskRegistry;
import com.lakesail.local.workflow.asl.State;
import com.lakesail.local.workflow.data.Json;
import com.lakesail.local.workflow.data.StateFailure;
import java.time.Clock;
import java.util.ArrayList;
import java.util.function.Consumer;

/**
 * Advances branches state by state. Each state transition is one {@link Step}, persisted before
 * the next begins. The per-type behaviour lives in the state executors; the transitions they end
 * with (complete, fail, finish a branch) live here, so Retry, Catch and the parent/child protocol
 * of Parallel and Map are implemented once.
 *
 * <p>Callers hold the execution's lock.
 */
final class Interpreter {
    final Clock clock;
    final ExecutionStore store;
    final Timers timers;
    final ContextObject context;
    private final Consumer<ExecutionRuntime> schedule;
    private final ErrorPolicy errors;
    private final PassExecutor pass = new PassExecutor(this);
    private final ChoiceExecutor choice = new ChoiceExecutor(this);
    private final WaitExecutor wait = new WaitExecutor(this);
    private final TerminalExecutor terminal = new TerminalExecutor(this);
    final TaskExecutor task;
    final ChildBranches children = new ChildBranches(this);

    Interpreter(Clock clock, ExecutionStore store, Timers timers, ContextObject context, TaskRegistry registry,
                Consumer<ExecutionRuntime> schedule, ErrorPolicy errors) {
        this.clock = clock;
        this.store = store;
        this.timers = timers;
        this.context = context;
        this.schedule = schedule;
        this.errors = errors;
        this.task = new TaskExecutor(this, registry);
    }

    Step step(ExecutionRuntime x) {
        return new Step(x, clock.millis(), store);
    }

    /** Runs every ready branch of the execution until none is runnable. */
    void drain(ExecutionRuntime x) {
        Branch b;
        while ((b = x.ready.poll()) != null) {
            while (x.running() && x.isLive(b) && b.phase.runnable()) {
                Step step = step(x);
                run(step, b);
                step.flush();
            }
        }
        if (!x.running()) {
            x.ready.clear();
        }
    }

    /** Makes a branch runnable and has the scheduler run its execution. */
    void ready(ExecutionRuntime x, Branch b) {
        x.ready.add(b);
        schedule.accept(x);
    }

    private void run(Step step, Branch b) {
        State s = b.currentState();
        try {
            switch (b.phase) {
                case ENTER -> {
                    if (!b.started && !b.isRoot()) {
                        children.iterationStarted(step, b);
                    }
                    b.enteredAt = step.now;
                    step.event(b, s.type() + "StateEntered", Events.entered(s.name(), b.input));
                    execute(step, b, s);
                }
                case ATTEMPT -> execute(step, b, s);
                case CHILDREN_DONE -> children.collect(step, b, s);
                case CHILDREN_FAILED -> children.abortAndFail(step, b, s);
                default -> throw new IllegalStateException("branch " + b.id + " is not runnable in " + b.phase);
            }
        } catch (StateFailure f) {
            fail(step, b, s, f.error(), f.cause());
        }
    }

    private void execute(Step step, Branch b, State s) {
        if (s instanceof State.Pass p) {
            pass.execute(step, b, p);
        } else if (s instanceof State.Task t) {
            task.execute(step, b, t);
        } else if (s instanceof State.Choice c) {
            choice.execute(step, b, c);
        } else if (s instanceof State.Wait w) {
            wait.execute(step, b, w);
        } else if (s instanceof State.Parallel p) {
            children.startParallel(step, b, p);
        } else if (s instanceof State.Map m) {
            children.startMap(step, b, m);
        } else {
            terminal.execute(step, b, s);
        }
    }

    void finishWait(Step step, Branch b, State.Wait s) {
        wait.finish(step, b, s);
    }

    // ---- transitions

    /** The state completed with {@code output}: exit it, then go to Next or end the branch. */
    void complete(Step step, Branch b, State s, JsonNode output) {
        step.event(b, s.type() + "StateExited", Events.exited(s.name(), Payloads.checked(s.name(), "output", output)));
        State.Flow flow = s.flow();
        if (flow == null || flow.end()) {
            finishBranch(step, b, output);
        } else {
            b.moveTo(flow.next(), output);
        }
    }

    /** A Choice state chose {@code next}. */
    void completeTo(Step step, Branch b, State s, JsonNode output, String next) {
        step.event(b, s.type() + "StateExited", Events.exited(s.name(), Payloads.checked(s.name(), "output", output)));
        b.moveTo(next, output);
    }

    /**
     * The state failed. Retriers are tried first, then catchers; a terminal error (States.Runtime)
     * or one nothing handles fails the branch.
     */
    void fail(Step step, Branch b, State s, String error, String cause) {
        step.dirty(b);
        long delay = errors.retryDelay(s, b, error);
        if (delay >= 0) {
            b.phase = Phase.BACKOFF;
            b.due = step.now + delay;
            b.heartbeatDue = 0;
            b.token = null;
            timers.schedule(step.x, b);
            return;
        }
        State.Catcher catcher = errors.catcher(s, error);
        if (catcher != null) {
            ObjectNode errorOutput = Json.object().put("Error", error);
            if (cause != null) {
                errorOutput.put("Cause", cause);
            }
            JsonNode output;
            try {
                output = catcher.resultPath().apply(b.input, errorOutput);
            } catch (StateFailure f) {
                finishWithFailure(step, b, f.error(), f.cause());
                return;
            }
            step.event(b, s.type() + "StateExited", Events.exited(s.name(), Json.write(output)));
            b.moveTo(catcher.next(), output);
            return;
        }
        finishWithFailure(step, b, error, cause);
    }

    /** The branch reached its end: the execution succeeds, or the parent counts one more child done. */
    void finishBranch(Step step, Branch b, JsonNode output) {
        ExecutionRuntime x = step.x;
        if (b.isRoot()) {
            x.finish(Workflows.Status.SUCCEEDED, output, null, null, step.now);
            step.event(null, "ExecutionSucceeded", Events.output(output));
            end(step);
            return;
        }
        b.phase = Phase.SUCCEEDED;
        b.output = output;
        step.dirty(b);
        children.childSucceeded(step, b);
    }

    /** The branch failed: the execution fails, or the parent state fails with the same error. */
    void finishWithFailure(Step step, Branch b, String error, String cause) {
        ExecutionRuntime x = step.x;
        if (b.isRoot()) {
            x.finish(Workflows.Status.FAILED, null, error, cause, step.now);
            step.event(null, "ExecutionFailed", Events.error(error, cause));
            end(step);
            return;
        }
        b.phase = Phase.FAILED;
        b.error = error;
        b.cause = cause;
        step.dirty(b);
        children.childFailed(step, b);
    }

    /** The execution reached a terminal status: persist it and drop its branches. */
    void end(Step step) {
        step.executionChanged = true;
        for (Branch branch : new ArrayList<>(step.x.branches.values())) {
            step.delete(branch);
        }
    }
}
