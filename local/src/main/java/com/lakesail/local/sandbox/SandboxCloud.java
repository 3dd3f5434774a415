package com.lakesail.local.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.backend.aws.CloudFormationTemplates;
import com.lakesail.backend.domain.Validator;
import com.lakesail.backend.domain.infra.AwsRules;
import com.lakesail.backend.domain.infra.InfraKind;
import com.lakesail.backend.domain.infra.Stage;
import com.lakesail.backend.port.AccountAccess;
import com.lakesail.backend.port.CloudAccessDeniedException;
import com.lakesail.backend.port.CloudProvider;
import com.lakesail.backend.port.CloudProviderException;
import com.lakesail.backend.port.ComputeRuntime;
import com.lakesail.backend.port.ComputeRuntimeException;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.InfraStacks;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Key;
import com.lakesail.backend.port.RoleSetup;
import com.lakesail.backend.port.RoleSetups;
import com.lakesail.backend.port.StackRef;
import com.lakesail.backend.port.StackRequest;
import com.lakesail.backend.port.StackState;
import com.lakesail.backend.port.StackTemplate;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.WorkloadTarget;
import com.lakesail.local.sandbox.SandboxStack.Operation;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded backend's cloud: a {@link CloudProvider} and {@link ComputeRuntime} that accept any
 * well-formed account and role, walk the same stages as AWS and answer with AWS-shaped ids.
 *
 * <p>Time only passes on the injected clock: an operation records when it will settle and
 * {@link #describeStack} reports it in progress until the clock gets there; no threads, no sleeps.
 * Stacks are kept in the {@link Store}, so a restarted backend finds its half-built stacks and
 * its workflows resume. Faults are planted by {@link SandboxFaults}: a fault at a call stage
 * ({@code create_stack}, {@code bootstrap_kubernetes}...) makes that call throw, a fault at a wait
 * stage ({@code wait_for_create}...) makes the operation settle as failed.
 *
 * <pre>
 * item                pk                          sk
 * sandbox stack       SANDBOX#STACK#stackName     STACK     (stack names embed resource ids: unique)
 * </pre>
 */
public final class SandboxCloud implements CloudProvider, ComputeRuntime, RoleSetups {
    static final String CONTROL_PLANE_PRINCIPAL = "arn:aws:iam::000000000000:role/lakesail-sandbox-control-plane";
    private static final String TYPE = "SandboxStack";

    private final Store store;
    private final Clock clock;
    private final SandboxTimings timings;
    private final SandboxFaults faults;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public SandboxCloud(Store store, Clock clock, SandboxTimings timings, SandboxFaults faults) {
        this.store = store;
        this.clock = clock;
        this.timings = timings;
        this.faults = faults;
    }

    @Override
    public RoleSetup roleSetup(String cloudAccountId, String externalId) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("RoleName", InfraStacks.stackName(cloudAccountId));
        parameters.put("ExternalId", externalId);
        parameters.put("ControlPlanePrincipalArn", CONTROL_PLANE_PRINCIPAL);
        return new RoleSetup(CloudFormationTemplates.load(CloudFormationTemplates.CUSTOMER_ROLE), parameters, null);
    }

    /** Any well-formed lakesail-* role in the stated account passes, as if its trust policy were right. */
    @Override
    public void verifyRole(AccountAccess access) {
        Validator v = new Validator();
        AwsRules.roleArn(v, "roleArn", access.roleArn(), access.awsAccountId());
        if (!v.valid() || access.externalId().isBlank()) {
            throw new CloudAccessDeniedException("cannot assume " + access.roleArn() + " from account " + access.awsAccountId(), null);
        }
        String roleName = access.roleArn().substring(access.roleArn().lastIndexOf('/') + 1);
        Optional<SandboxFaults.Fault> fault = faults.at(InfraKind.CLOUD_ACCOUNT, access.awsAccountId(), Stage.VERIFY_ROLE)
                .or(() -> faults.at(InfraKind.CLOUD_ACCOUNT, roleName, Stage.VERIFY_ROLE));
        if (fault.isPresent()) {
            throw new CloudAccessDeniedException(fault.get().reason(), null);
        }
    }

    @Override
    public String createStack(StackRequest request) {
        StackRef ref = request.ref();
        Optional<Item> existing = store.get(key(ref.stackName()));
        if (existing.isPresent()) {
            SandboxStack stack = read(existing.get());
            boolean gone = stack.operation() == Operation.DELETE && stack.failure() == null && settled(stack);
            if (!gone) {
                return stack.stackId();
            }
        }
        String name = resourceName(request);
        failIfPlanted(request.template(), name, Stage.CREATE_STACK);
        Map<String, String> outputs = outputs(request.template(), ref, request.parameters());
        long now = clock.millis();
        SandboxStack stack = new SandboxStack(SandboxOutputs.stackId(ref.stackName(), ref.access().awsAccountId(), ref.region(),
                request.clientRequestToken()), ref.stackName(), ref.access().awsAccountId(), ref.region(), request.template(),
                name, request.parameters(), Operation.CREATE, request.clientRequestToken(), now,
                now + timings.create(request.template()).toMillis(), plantedReason(request.template(), name, Stage.WAIT_FOR_CREATE),
                outputs, false);
        write(stack, existing);
        return stack.stackId();
    }

    @Override
    public String updateStack(StackRequest request) {
        StackRef ref = request.ref();
        Optional<Item> item = store.get(key(ref.stackName()));
        SandboxStack stack = item.map(this::read).filter(s -> visibleTo(s, ref))
                .orElseThrow(() -> new CloudProviderException("UpdateStack " + ref.stackName() + ": Stack with id "
                        + ref.stackName() + " does not exist", false, null));
        if (request.clientRequestToken().equals(stack.token())) {
            return stack.stackId();
        }
        if (!settled(stack) || stack.operation() == Operation.DELETE
                || (stack.operation() == Operation.CREATE && stack.failure() != null)) {
            throw new CloudProviderException("UpdateStack " + ref.stackName() + ": stack is in " + status(stack)
                    + " state and can not be updated", false, null);
        }
        if (stack.parameters().equals(request.parameters())) {
            return stack.stackId();
        }
        failIfPlanted(stack.template(), stack.resourceName(), Stage.UPDATE_STACK);
        long now = clock.millis();
        write(stack.start(Operation.UPDATE, request.clientRequestToken(), request.parameters(), now,
                now + timings.update().toMillis(), plantedReason(stack.template(), stack.resourceName(), Stage.WAIT_FOR_UPDATE),
                outputs(stack.template(), ref, request.parameters())), item);
        return stack.stackId();
    }

    @Override
    public void deleteStack(StackRef ref, String clientRequestToken) {
        Optional<Item> item = store.get(key(ref.stackName()));
        Optional<SandboxStack> found = item.map(this::read).filter(s -> visibleTo(s, ref));
        if (found.isEmpty() || (found.get().operation() == Operation.DELETE && found.get().failure() == null)) {
            return;
        }
        SandboxStack stack = found.get();
        failIfPlanted(stack.template(), stack.resourceName(), Stage.DELETE_STACK);
        long now = clock.millis();
        write(stack.start(Operation.DELETE, clientRequestToken, stack.parameters(), now, now + timings.delete().toMillis(),
                plantedReason(stack.template(), stack.resourceName(), Stage.WAIT_FOR_DELETE), stack.outputs()), item);
    }

    @Override
    public Optional<StackState> describeStack(StackRef ref) {
        Optional<SandboxStack> found = store.get(key(ref.stackName())).map(this::read).filter(s -> visibleTo(s, ref));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SandboxStack stack = found.get();
        if (!settled(stack)) {
            Map<String, String> outputs = stack.operation() == Operation.CREATE ? Map.of() : stack.outputs();
            return Optional.of(new StackState(stack.stackId(), StackState.Status.IN_PROGRESS, null, outputs));
        }
        if (stack.failure() != null) {
            return Optional.of(new StackState(stack.stackId(), StackState.Status.FAILED, stack.failure(), Map.of()));
        }
        if (stack.operation() == Operation.DELETE) {
            return Optional.empty();
        }
        return Optional.of(new StackState(stack.stackId(), StackState.Status.COMPLETE, null, stack.outputs()));
    }

    /**
     * Records the cluster as bootstrapped once its stack is complete; doing it again changes nothing,
     * like create-or-replace.
     */
    @Override
    public void bootstrap(WorkloadTarget cluster) {
        Optional<Item> item = store.get(key(cluster.clusterName()));
        SandboxStack stack = item.map(this::read).filter(s -> s.template() == StackTemplate.CLUSTER && settled(s)
                        && s.failure() == null && s.operation() != Operation.DELETE)
                .orElseThrow(() -> new ComputeRuntimeException("no running cluster " + cluster.clusterName(), false, null));
        Optional<SandboxFaults.Fault> fault = faults.at(InfraKind.CLUSTER, stack.resourceName(), Stage.BOOTSTRAP_KUBERNETES);
        if (fault.isPresent()) {
            throw new ComputeRuntimeException(fault.get().reason(), false, null);
        }
        if (!stack.bootstrapped()) {
            write(stack.bootstrap(), item);
        }
    }

    /** The stack as stored, for tests that look inside the sandbox. */
    Optional<SandboxStack> stack(String stackName) {
        return store.get(key(stackName)).map(this::read);
    }

    private boolean settled(SandboxStack stack) {
        return stack.settledAt(clock.millis());
    }

    /** Another account or region cannot see a stack, as in AWS. */
    private static boolean visibleTo(SandboxStack stack, StackRef ref) {
        return stack.awsAccountId().equals(ref.access().awsAccountId()) && stack.region().equals(ref.region());
    }

    private static String status(SandboxStack stack) {
        return stack.operation() + "_IN_PROGRESS";
    }

    private static String resourceName(StackRequest request) {
        return request.tags().getOrDefault(InfraStacks.TAG_NAME, request.ref().stackName());
    }

    private static InfraKind kind(StackTemplate template) {
        return InfraKind.valueOf(template.name());
    }

    private void failIfPlanted(StackTemplate template, String name, Stage stage) {
        Optional<SandboxFaults.Fault> fault = faults.at(kind(template), name, stage);
        if (fault.isPresent()) {
            throw new CloudProviderException(fault.get().reason(), false, null);
        }
    }

    private String plantedReason(StackTemplate template, String name, Stage stage) {
        return faults.at(kind(template), name, stage).map(SandboxFaults.Fault::reason).orElse(null);
    }

    private static Map<String, String> outputs(StackTemplate template, StackRef ref, Map<String, String> parameters) {
        try {
            return SandboxOutputs.of(template, ref.stackName(), ref.access().awsAccountId(), ref.region(), parameters);
        } catch (IllegalArgumentException e) {
            throw new CloudProviderException("stack " + ref.stackName() + ": " + e.getMessage(), false, e);
        }
    }

    private static Key key(String stackName) {
        return Key.of("SANDBOX#STACK#" + stackName, "STACK");
    }

    private SandboxStack read(Item item) {
        try {
            return json.readValue(item.data(), SandboxStack.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sandbox stack " + item.pk() + " is unreadable", e);
        }
    }

    /** Guarded by the version read, so two workers racing on one stack cannot both win. */
    private void write(SandboxStack stack, Optional<Item> previous) {
        long version = previous.map(Item::version).orElse(0L);
        Condition guard = previous.isPresent() ? Condition.versionIs(version) : Condition.notExists();
        try {
            store.put(Item.builder().key(key(stack.stackName())).type(TYPE).version(version + 1)
                    .data(json.writeValueAsString(stack)).build(), guard);
        } catch (ConditionFailedException e) {
            throw new CloudProviderException("stack " + stack.stackName() + " changed concurrently", true, e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
