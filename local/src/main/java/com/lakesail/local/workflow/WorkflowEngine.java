package com.lakesail.local.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.WorkflowException;
import com.lakesail.backend.port.Workflows;
import com.lakesail.local.workflow.asl.DefinitionParser;
import com.lakesail.local.workflow.asl.StateMachineDefinition;
import com.lakesail.local.workflow.data.Json;
import com.lakesail.local.workflow.runtime.Arns;
import com.lakesail.local.workflow.runtime.ExecutionManager;
import com.lakesail.local.workflow.runtime.Payloads;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The local Step Functions: an Amazon States Language interpreter (JSONPath) with durable
 * executions on the {@link Store}, behind the {@link Workflows} port.
 *
 * <pre>{@code
 * WorkflowEngine engine = WorkflowEngine.builder().store(SqliteStore.open(file)).tasks(registry).build();
 * engine.createStateMachine("cluster-provision", definitionJson);
 * String arn = engine.start("cluster-provision", "c1-create-1", "{\"clusterId\":\"c1\"}");
 * }</pre>
 *
 * <p>Every state transition is persisted; an engine built on a store that holds running executions
 * resumes them, with their waits' original deadlines. With {@code workers(0)} nothing runs by
 * itself: a test drives the engine with {@link #runUntilIdle()} and a {@link ManualClock}.
 */
public final class WorkflowEngine implements Workflows, AutoCloseable {
    private static final Pattern NAME = Pattern.compile("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]{1,80}");

    private final ExecutionManager executions;
    private final TaskRegistry tasks;
    private final Map<String, Machine> machines = new ConcurrentHashMap<>();
    private final Map<String, StateMachineDefinition> revisions = new ConcurrentHashMap<>();

    private record Machine(String revision, StateMachineDefinition definition) {
    }

    private final int workers;
    private final AtomicBoolean started = new AtomicBoolean();

    private WorkflowEngine(Builder b) {
        this.tasks = b.tasks;
        this.workers = b.workers;
        this.executions = new ExecutionManager(b.store, b.clock, new Arns(b.region, b.account), b.tasks, b.random);
        if (!b.deferStart) {
            start();
        }
    }

    /**
     * Resumes the executions persisted in the store and starts the workers. {@link Builder#build()}
     * does this unless told to {@link Builder#deferStart() defer}; calling it again does nothing.
     */
    public void start() {
        if (started.compareAndSet(false, true)) {
            executions.resume(this::storedRevision);
            executions.startWorkers(workers);
        }
    }

    /** Tells {@code listener} of every execution that ends (succeeded, failed, timed out or aborted). */
    public void onExecutionEnd(ExecutionListener listener) {
        executions.listener(listener);
    }

    public static Builder builder() {
        return new Builder();
    }

    public TaskRegistry tasks() {
        return tasks;
    }

    // ---- state machines

    /**
     * Creates or updates a state machine. The definition is validated; executions already running
     * keep the definition they started with.
     *
     * @return the state machine ARN
     * @throws com.lakesail.local.workflow.asl.InvalidDefinitionException naming the states at fault
     */
    public String createStateMachine(String name, String definitionJson) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new WorkflowException("invalid state machine name: " + name);
        }
        StateMachineDefinition definition = DefinitionParser.parse(definitionJson);
        String revision = sha256(definition.json());
        if (!revisions.containsKey(revision)) {
            executions.saveDefinition(name, revision, definition.json());
            revisions.put(revision, definition);
        }
        machines.put(name, new Machine(revision, definition));
        return executions.arns().stateMachine(name);
    }

    public Optional<StateMachineDefinition> stateMachine(String name) {
        return Optional.ofNullable(machines.get(name)).map(Machine::definition);
    }

    private StateMachineDefinition storedRevision(String stateMachine, String revision) {
        return revisions.computeIfAbsent(revision, r -> DefinitionParser.parse(executions.storedDefinition(stateMachine, r)
                .orElseThrow(() -> new WorkflowException("definition " + r + " of " + stateMachine + " is missing"))));
    }

    // ---- executions

    /**
     * StartExecution: a new execution, or, for a name already used with the same input while it
     * runs, the same execution.
     *
     * @param name the execution name; null for a random one
     * @throws ExecutionAlreadyExistsException when the name was used with another input or has finished
     */
    public String startExecution(String stateMachine, String name, String inputJson) {
        ExecutionManager.Started started = startOrFind(stateMachine, name, inputJson);
        if (!started.created()) {
            Execution existing = executions.describe(started.executionArn()).orElseThrow();
            if (existing.status() != Status.RUNNING
                    || !Json.parse(existing.input()).equals(parseInput(inputJson))) {
                throw new ExecutionAlreadyExistsException("Execution Already Exists: '" + started.executionArn() + "'");
            }
        }
        return started.executionArn();
    }

    /** Starts an execution or finds the one of the same name, whatever its input and status. */
    @Override
    public String start(String stateMachine, String executionName, String inputJson) {
        return startOrFind(stateMachine, executionName, inputJson).executionArn();
    }

    private ExecutionManager.Started startOrFind(String stateMachine, String name, String inputJson) {
        Machine machine = machines.get(stateMachine);
        if (machine == null) {
            throw new WorkflowException("State Machine Does Not Exist: '" + stateMachine + "'");
        }
        String executionName = name == null ? UUID.randomUUID().toString() : name;
        if (!NAME.matcher(executionName).matches()) {
            throw new WorkflowException("invalid execution name: " + executionName);
        }
        return executions.start(stateMachine, machine.revision(), machine.definition(), executionName, parseInput(inputJson));
    }

    private static JsonNode parseInput(String inputJson) {
        if (inputJson != null && Payloads.exceeds(inputJson)) {
            throw new WorkflowException("execution input exceeds " + Payloads.MAX_BYTES + " bytes");
        }
        try {
            return inputJson == null || inputJson.isBlank() ? Json.object() : Json.parse(inputJson);
        } catch (IllegalArgumentException e) {
            throw new WorkflowException("invalid execution input: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Execution> describe(String executionArn) {
        return executions.describe(executionArn);
    }

    @Override
    public void stop(String executionArn, String error, String cause) {
        executions.stop(executionArn, error, cause);
    }

    public List<HistoryEvent> history(String executionArn) {
        return executions.history(executionArn);
    }

    /** Executions of a state machine, newest first; {@code status} null for all. */
    public Page<Execution> list(String stateMachine, Status status, int limit, String nextToken) {
        return executions.list(stateMachine, status, limit, nextToken);
    }

    // ---- task callbacks

    @Override
    public void sendTaskSuccess(String taskToken, String outputJson) {
        JsonNode output;
        try {
            output = Json.parse(Objects.requireNonNullElse(outputJson, "null"));
        } catch (IllegalArgumentException e) {
            throw new WorkflowException("invalid task output: " + e.getMessage(), e);
        }
        executions.sendTaskSuccess(taskToken, output);
    }

    @Override
    public void sendTaskFailure(String taskToken, String error, String cause) {
        executions.sendTaskFailure(taskToken, error, cause);
    }

    @Override
    public void sendTaskHeartbeat(String taskToken) {
        executions.sendTaskHeartbeat(taskToken);
    }

    // ---- driving time (tests and tools)

    /** Runs ready executions and due timers in this thread until nothing is left to do now. */
    public int runUntilIdle() {
        return executions.runUntilIdle();
    }

    /** The earliest pending deadline (a Wait's end, a retry, a timeout). */
    public Optional<Instant> nextTimerDue() {
        java.util.OptionalLong next = executions.nextTimerDue();
        return next.isPresent() ? Optional.of(Instant.ofEpochMilli(next.getAsLong())) : Optional.empty();
    }

    /** Tells a threaded engine that its (manual) clock moved, so due timers fire. */
    public void clockChanged() {
        executions.clockChanged();
    }

    @Override
    public void close() {
        executions.close();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final class Builder {
        private Store store;
        private Clock clock = Clock.systemUTC();
        private TaskRegistry tasks = new TaskRegistry();
        private String region = "us-east-1";
        private String account = "123456789012";
        private int workers = 2;
        private RandomGenerator random = RandomGenerator.getDefault();
        private boolean deferStart;

        private Builder() {
        }

        /**
         * Build without resuming persisted executions or starting workers, until {@link WorkflowEngine#start()}:
         * for a host that registers task handlers and a listener once the engine exists, before
         * anything runs.
         */
        public Builder deferStart() {
            this.deferStart = true;
            return this;
        }

        public Builder store(Store store) {
            this.store = store;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder tasks(TaskRegistry tasks) {
            this.tasks = tasks;
            return this;
        }

        /** The region and account in the ARNs the engine hands out. */
        public Builder arns(String region, String account) {
            this.region = region;
            this.account = account;
            return this;
        }

        /** Worker threads; 0 for an engine driven by {@link #runUntilIdle()} (tests, the command line). */
        public Builder workers(int workers) {
            this.workers = workers;
            return this;
        }

        /** The randomness of JitterStrategy FULL. */
        public Builder random(RandomGenerator random) {
            this.random = random;
            return this;
        }

        public WorkflowEngine build() {
            Objects.requireNonNull(store, "store");
            return new WorkflowEngine(this);
        }
    }
}
