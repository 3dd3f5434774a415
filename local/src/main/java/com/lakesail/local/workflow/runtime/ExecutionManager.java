package com.lakesail.local.workflow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.TaskTokenException;
import com.lakesail.backend.port.WorkflowException;
import com.lakesail.backend.port.Workflows;
import com.lakesail.local.workflow.ExecutionListener;
import com.lakesail.local.workflow.HistoryEvent;
import com.lakesail.local.workflow.TaskRegistry;
import com.lakesail.local.workflow.asl.State;
import com.lakesail.local.workflow.asl.StateMachineDefinition;
import com.lakesail.local.workflow.data.ErrorNames;
import com.lakesail.local.workflow.data.StateFailure;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;

/**
 * The executions an engine runs: starting (idempotent by name), stopping, task callbacks, timers,
 * reads, and resuming the running executions found in the store when an engine starts.
 */
public final class ExecutionManager implements AutoCloseable {
    private final Clock clock;
    private final Arns arns;
    private final ExecutionStore store;
    private final Scheduler scheduler;
    private final Timers timers;
    private final Interpreter interpreter;
    private final Map<String, ExecutionRuntime> live = new ConcurrentHashMap<>();
    private volatile ExecutionListener listener = execution -> { };

    public ExecutionManager(com.lakesail.backend.port.Store store, Clock clock, Arns arns, TaskRegistry registry,
                            RandomGenerator random) {
        this.clock = clock;
        this.arns = arns;
        this.store = new ExecutionStore(store);
        this.scheduler = new Scheduler(clock, this::run, this::fireDue);
        this.timers = new Timers(scheduler::timersChanged);
        this.scheduler.timers(timers);
        this.interpreter = new Interpreter(clock, this.store, timers, new ContextObject(arns), registry,
                scheduler::schedule, new ErrorPolicy(random));
    }

    /** Replaces the listener told of every execution that ends. */
    public void listener(ExecutionListener listener) {
        this.listener = listener;
    }

    public Arns arns() {
        return arns;
    }

    public void startWorkers(int workers) {
        scheduler.start(workers);
    }

    public void saveDefinition(String name, String revision, String json) {
        store.saveDefinition(name, revision, json, clock.millis());
    }

    public Optional<String> storedDefinition(String name, String revision) {
        return store.definition(name, revision);
    }

    /**
     * Starts an execution, or returns the existing one of the same name.
     *
     * @return the execution ARN and whether this call created it
     */
    public Started start(String stateMachine, String revision, StateMachineDefinition definition, String name,
                         JsonNode input) {
        String arn = arns.execution(stateMachine, name);
        long now = clock.millis();
        long timeoutAt = definition.timeoutSeconds() == null ? 0 : now + definition.timeoutSeconds() * 1000;
        ExecutionRuntime x = new ExecutionRuntime(arn, name, stateMachine, revision, definition, input, now, timeoutAt);
        Branch root = new Branch("0", null, 0, 0);
        root.graph = definition.graph();
        root.moveTo(definition.graph().startAt(), input);
        x.branches.put(root.id, root);
        Step step = new Step(x, now, store);
        HistoryEvent started = step.event(null, "ExecutionStarted", Events.input(input)
                .put("roleArn", arns.roleArn()).put("stateMachineArn", arns.stateMachine(stateMachine)));
        root.lastEventId = started.id();
        try {
            store.create(x, root, started);
        } catch (ConditionFailedException e) {
            return new Started(arn, false);
        }
        live.put(arn, x);
        if (timeoutAt != 0) {
            timers.scheduleTimeout(x);
        }
        interpreter.ready(x, root);
        return new Started(arn, true);
    }

    public record Started(String executionArn, boolean created) {
    }

    public Optional<Workflows.Execution> describe(String arn) {
        ExecutionRuntime x = live.get(arn);
        if (x != null) {
            return Optional.of(x.describe());
        }
        return store.execution(arn).map(ExecutionStore.StoredExecution::describe);
    }

    public List<HistoryEvent> history(String arn) {
        if (store.execution(arn).isEmpty()) {
            throw new WorkflowException("execution " + arn + " does not exist");
        }
        return store.history(arn);
    }

    public Page<Workflows.Execution> list(String stateMachine, Workflows.Status status, int limit, String pageToken) {
        return store.list(stateMachine, status, limit, pageToken).map(ExecutionStore.StoredExecution::describe);
    }

    public void stop(String arn, String error, String cause) {
        ExecutionRuntime x = live.get(arn);
        if (x == null) {
            if (store.execution(arn).isEmpty()) {
                throw new WorkflowException("execution " + arn + " does not exist");
            }
            return;
        }
        withLock(x, () -> {
            if (x.running()) {
                Step step = interpreter.step(x);
                x.finish(Workflows.Status.ABORTED, null, error, cause, step.now);
                step.event(null, "ExecutionAborted", Events.error(error, cause));
                interpreter.end(step);
                step.flush();
            }
        });
        forgetIfDone(x);
    }

    public void sendTaskSuccess(String token, JsonNode output) {
        callback(token, (step, b, s) -> interpreter.task.succeeded(step, b, s, output));
    }

    public void sendTaskFailure(String token, String error, String cause) {
        callback(token, (step, b, s) -> interpreter.task.taskFailed(step, b, s, error, cause));
    }

    /** Restarts the heartbeat clock of a waiting task. */
    public void sendTaskHeartbeat(String token) {
        waitingTask(token, (x, b) -> {
            if (b.heartbeatDue != 0 && b.heartbeatSeconds > 0) {
                Step step = interpreter.step(x);
                b.heartbeatDue = step.now + b.heartbeatSeconds * 1000;
                step.dirty(b);
                step.flush();
                timers.schedule(x, b);
            }
        });
    }

    private interface Completion {
        void apply(Step step, Branch b, State.Task s);
    }

    private void callback(String token, Completion completion) {
        ExecutionRuntime x = waitingTask(token, (runtime, b) -> {
            State.Task s = (State.Task) b.currentState();
            b.token = null;
            Runnable apply = () -> {
                Step step = interpreter.step(runtime);
                completion.apply(step, b, s);
                step.flush();
                interpreter.ready(runtime, b);
            };
            if (b.invoking) {
                // The handler of this very task answered before returning: finish after TaskSubmitted.
                b.pendingCallback = apply;
            } else {
                apply.run();
            }
        });
        forgetIfDone(x);
    }

    private ExecutionRuntime waitingTask(String token, BiConsumer<ExecutionRuntime, Branch> action) {
        Tokens.Parts parts = token == null ? null : Tokens.parse(token);
        if (parts == null) {
            throw new TaskTokenException("Invalid token");
        }
        ExecutionRuntime x = live.get(parts.executionArn());
        if (x == null) {
            throw new TaskTokenException("Task does not exist anymore");
        }
        withLock(x, () -> {
            Branch b = x.branches.get(parts.branchId());
            if (!x.running() || b == null || b.phase != Phase.TASK || !token.equals(b.token) || !x.isLive(b)) {
                throw new TaskTokenException("Task does not exist anymore");
            }
            action.accept(x, b);
        });
        return x;
    }

    // ---- timers and runs

    private void fireDue(long now) {
        for (Timers.Timer timer : timers.pollDue(now)) {
            ExecutionRuntime x = live.get(timer.executionArn());
            if (x != null) {
                withLock(x, () -> onTimer(x, timer, now));
                forgetIfDone(x);
            }
        }
    }

    private void onTimer(ExecutionRuntime x, Timers.Timer timer, long now) {
        if (!x.running()) {
            return;
        }
        if (timer.branchId() == null) {
            if (timer.seq() == x.timeoutTimerSeq) {
                Step step = interpreter.step(x);
                x.finish(Workflows.Status.TIMED_OUT, null, ErrorNames.TIMEOUT, null, step.now);
                step.event(null, "ExecutionTimedOut", Events.error(ErrorNames.TIMEOUT, null));
                interpreter.end(step);
                step.flush();
            }
            return;
        }
        Branch b = x.branches.get(timer.branchId());
        if (b == null || b.timerSeq != timer.seq() || !x.isLive(b)) {
            return;
        }
        switch (b.phase) {
            case WAIT -> {
                Step step = interpreter.step(x);
                State s = b.currentState();
                try {
                    interpreter.finishWait(step, b, (State.Wait) s);
                } catch (StateFailure f) {
                    interpreter.fail(step, b, s, f.error(), f.cause());
                }
                step.flush();
                interpreter.ready(x, b);
            }
            case BACKOFF -> {
                b.phase = Phase.ATTEMPT;
                b.due = 0;
                interpreter.ready(x, b);
            }
            case TASK -> {
                boolean heartbeat = b.heartbeatDue != 0 && b.heartbeatDue <= now
                        && (b.due == 0 || b.heartbeatDue <= b.due);
                if (!heartbeat && (b.due == 0 || b.due > now)) {
                    timers.schedule(x, b);
                    return;
                }
                Step step = interpreter.step(x);
                interpreter.task.timedOut(step, b, (State.Task) b.currentState(),
                        heartbeat ? ErrorNames.HEARTBEAT_TIMEOUT : ErrorNames.TIMEOUT);
                step.flush();
                interpreter.ready(x, b);
            }
            default -> {
            }
        }
    }

    private void run(ExecutionRuntime x) {
        x.lock.lock();
        try {
            x.queued.set(false);
            interpreter.drain(x);
        } finally {
            x.lock.unlock();
        }
        forgetIfDone(x);
    }

    /** Drops an ended execution from the live ones and tells the listener, once. */
    private void forgetIfDone(ExecutionRuntime x) {
        if (!x.running() && live.remove(x.arn, x)) {
            try {
                listener.executionEnded(x.describe());
            } catch (RuntimeException e) {
                System.getLogger("workflow").log(System.Logger.Level.ERROR, "execution listener failed for " + x.arn, e);
            }
        }
    }

    private static void withLock(ExecutionRuntime x, Runnable action) {
        x.lock.lock();
        try {
            action.run();
        } finally {
            x.lock.unlock();
        }
    }

    public int runUntilIdle() {
        return scheduler.runUntilIdle();
    }

    public void runDueTimers() {
        fireDue(clock.millis());
    }

    public OptionalLong nextTimerDue() {
        return timers.nextDue();
    }

    /** Wakes the timer thread after the clock was moved by hand. */
    public void clockChanged() {
        scheduler.timersChanged();
    }

    // ---- resume

    /**
     * Loads every running execution of the store and continues it: ready branches are queued,
     * waits, backoffs and task timeouts are re-armed at their persisted deadlines.
     *
     * @param definitions (state machine, revision) → the definition the execution started with
     * @return how many executions were resumed
     */
    public int resume(BiFunction<String, String, StateMachineDefinition> definitions) {
        int resumed = 0;
        for (ExecutionRuntime x : new ExecutionLoader(store).runningExecutions(definitions, live.keySet())) {
            live.put(x.arn, x);
            if (x.timeoutAt != 0) {
                timers.scheduleTimeout(x);
            }
            for (Branch b : x.branches.values()) {
                if (b.phase.runnable()) {
                    interpreter.ready(x, b);
                } else if (b.phase == Phase.WAIT || b.phase == Phase.BACKOFF
                        || (b.phase == Phase.TASK && (b.due != 0 || b.heartbeatDue != 0))) {
                    timers.schedule(x, b);
                }
            }
            resumed++;
        }
        return resumed;
    }

    @Override
    public void close() {
        scheduler.close();
        timers.clear();
        live.clear();
    }
}
