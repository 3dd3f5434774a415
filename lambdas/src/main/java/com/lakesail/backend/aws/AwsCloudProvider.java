package com.lakesail.backend.aws;

import com.lakesail.backend.port.AccountAccess;
import com.lakesail.backend.port.CloudAccessDeniedException;
import com.lakesail.backend.port.CloudProvider;
import com.lakesail.backend.port.CloudProviderException;
import com.lakesail.backend.port.StackRef;
import com.lakesail.backend.port.StackRequest;
import com.lakesail.backend.port.StackState;
import com.lakesail.backend.port.StackTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.AlreadyExistsException;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.Tag;
import software.amazon.awssdk.services.cloudformation.model.TokenAlreadyExistsException;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/**
 * {@link CloudProvider} over STS and CloudFormation. Every call in a customer account acts
 * with the account's session ({@link AccountSessions}: the role assumed with its ExternalId, reused
 * and renewed well before it expires). A cluster's stack also gets what the adapter alone knows:
 * the customer role's permissions boundary and the {@link AgentRelease}.
 *
 * <pre>{@code
 * CloudProvider cloud = new AwsCloudProvider(new AccountSessions(sts, clock),
 *     new SdkAccountClients(http, invocationHttp, overrides), new CloudFormationTemplates(), release);
 * }</pre>
 */
public final class AwsCloudProvider implements CloudProvider {
    private static final String NO_UPDATES = "No updates are to be performed";

    private final AccountSessions sessions;
    private final AccountClients clients;
    private final CloudFormationTemplates templates;
    private final AgentRelease release;

    public AwsCloudProvider(AccountSessions sessions, AccountClients clients, CloudFormationTemplates templates,
                            AgentRelease release) {
        this.sessions = sessions;
        this.clients = clients;
        this.templates = templates;
        this.release = release;
    }

    @Override
    public void verifyRole(AccountAccess access) {
        AssumeRoleResponse assumed = sessions.assumeFresh(access);
        String arn = assumed.assumedRoleUser().arn();
        String account = arn.split(":", 6)[4];
        if (!account.equals(access.awsAccountId())) {
            throw new CloudAccessDeniedException("the role is in account " + account + ", not " + access.awsAccountId(), null);
        }
        // A role that trusts us without the ExternalId could be reached by any tenant through us.
        if (sessions.assumableWithoutExternalId(access)) {
            throw new CloudAccessDeniedException("the role's trust policy must require the ExternalId "
                    + "(condition sts:ExternalId); recreate it from the LakeSail template", null);
        }
    }

    @Override
    public String createStack(StackRequest request) {
        StackRef ref = request.ref();
        try (CloudFormationClient cfn = cloudFormation(ref)) {
            return cfn.createStack(b -> b.stackName(ref.stackName())
                    .templateBody(templates.body(request.template()))
                    .parameters(parameters(request))
                    .tags(tags(request))
                    .capabilities(Capability.CAPABILITY_NAMED_IAM)
                    .clientRequestToken(request.clientRequestToken())).stackId();
        } catch (AlreadyExistsException | TokenAlreadyExistsException e) {
            // Our stack names are our resource ids: an existing stack of this name is this resource's.
            return existingStackId(ref, e);
        } catch (SdkException e) {
            throw AwsErrors.map("CreateStack " + ref.stackName(), e);
        }
    }

    @Override
    public String updateStack(StackRequest request) {
        StackRef ref = request.ref();
        try (CloudFormationClient cfn = cloudFormation(ref)) {
            return cfn.updateStack(b -> b.stackName(ref.stackName())
                    .templateBody(templates.body(request.template()))
                    .parameters(parameters(request))
                    .tags(tags(request))
                    .capabilities(Capability.CAPABILITY_NAMED_IAM)
                    .clientRequestToken(request.clientRequestToken())).stackId();
        } catch (TokenAlreadyExistsException e) {
            return existingStackId(ref, e);
        } catch (CloudFormationException e) {
            if ("ValidationError".equals(AwsErrors.code(e)) && AwsErrors.message(e).contains(NO_UPDATES)) {
                return existingStackId(ref, e);
            }
            throw AwsErrors.map("UpdateStack " + ref.stackName(), e);
        } catch (SdkException e) {
            throw AwsErrors.map("UpdateStack " + ref.stackName(), e);
        }
    }

    @Override
    public void deleteStack(StackRef ref, String clientRequestToken) {
        try (CloudFormationClient cfn = cloudFormation(ref)) {
            // DeleteStack of a stack that does not exist succeeds: a retry after success is harmless.
            cfn.deleteStack(b -> b.stackName(ref.stackName()).clientRequestToken(clientRequestToken));
        } catch (TokenAlreadyExistsException e) {
            return;
        } catch (SdkException e) {
            throw AwsErrors.map("DeleteStack " + ref.stackName(), e);
        }
    }

    @Override
    public Optional<StackState> describeStack(StackRef ref) {
        try (CloudFormationClient cfn = cloudFormation(ref)) {
            List<Stack> stacks;
            try {
                stacks = cfn.describeStacks(b -> b.stackName(ref.stackName())).stacks();
            } catch (CloudFormationException e) {
                if ("ValidationError".equals(AwsErrors.code(e)) && AwsErrors.message(e).contains("does not exist")) {
                    return Optional.empty();
                }
                throw e;
            }
            if (stacks.isEmpty()) {
                return Optional.empty();
            }
            Stack stack = stacks.get(0);
            StackState.Status status = status(stack);
            String reason = status == StackState.Status.FAILED ? failureReason(cfn, stack) : null;
            Map<String, String> outputs = stack.outputs().stream()
                    .filter(o -> o.outputValue() != null)
                    .collect(Collectors.toMap(Output::outputKey, Output::outputValue));
            return Optional.of(new StackState(stack.stackId(), status, reason, outputs));
        } catch (SdkException e) {
            throw AwsErrors.map("DescribeStacks " + ref.stackName(), e);
        }
    }

    /**
     * CloudFormation's statuses folded to what a wait stage decides on. A rollback is still moving
     * until it settles; a settled rollback means the operation failed.
     */
    static StackState.Status status(Stack stack) {
        return switch (stack.stackStatus()) {
            case CREATE_COMPLETE, UPDATE_COMPLETE, IMPORT_COMPLETE -> StackState.Status.COMPLETE;
            case DELETE_COMPLETE -> StackState.Status.DELETED;
            case CREATE_FAILED, ROLLBACK_COMPLETE, ROLLBACK_FAILED, DELETE_FAILED, UPDATE_FAILED,
                    UPDATE_ROLLBACK_COMPLETE, UPDATE_ROLLBACK_FAILED, IMPORT_ROLLBACK_COMPLETE,
                    IMPORT_ROLLBACK_FAILED -> StackState.Status.FAILED;
            case CREATE_IN_PROGRESS, ROLLBACK_IN_PROGRESS, DELETE_IN_PROGRESS, UPDATE_IN_PROGRESS,
                    UPDATE_COMPLETE_CLEANUP_IN_PROGRESS, UPDATE_ROLLBACK_IN_PROGRESS,
                    UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS, REVIEW_IN_PROGRESS, IMPORT_IN_PROGRESS,
                    IMPORT_ROLLBACK_IN_PROGRESS -> StackState.Status.IN_PROGRESS;
            default -> throw new CloudProviderException("stack " + stack.stackName() + " is in an unknown status "
                    + stack.stackStatusAsString(), false, null);
        };
    }

    /**
     * The root cause, not the summary: the oldest resource failure among the latest events (events
     * come newest first), skipping the "cancelled" failures that follow the first real one.
     */
    private static String failureReason(CloudFormationClient cfn, Stack stack) {
        List<StackEvent> events = cfn.describeStackEvents(b -> b.stackName(stack.stackId())).stackEvents();
        StackEvent rootCause = null;
        for (StackEvent event : events) {
            String reason = event.resourceStatusReason();
            if (event.resourceStatusAsString() != null && event.resourceStatusAsString().endsWith("_FAILED")
                    && reason != null && !reason.contains("cancelled")) {
                rootCause = event;
            }
        }
        if (rootCause != null) {
            return rootCause.logicalResourceId() + ": " + rootCause.resourceStatusReason();
        }
        return stack.stackStatusReason() != null ? stack.stackStatusReason() : stack.stackStatusAsString();
    }

    private String existingStackId(StackRef ref, SdkException cause) {
        return describeStack(ref).map(StackState::stackId).orElseThrow(() ->
                new CloudProviderException("stack " + ref.stackName() + " was reported to exist but cannot be found", true, cause));
    }

    private List<Parameter> parameters(StackRequest request) {
        Map<String, String> values = new LinkedHashMap<>(request.parameters());
        if (request.template() == StackTemplate.CLUSTER) {
            values.put("PermissionsBoundaryArn", boundaryArn(request.ref().access().roleArn()));
            values.putAll(release.parameters(request.ref().region()));
        }
        return values.entrySet().stream()
                .map(e -> Parameter.builder().parameterKey(e.getKey()).parameterValue(e.getValue()).build()).toList();
    }

    /** The boundary customer-role.yaml creates beside the role: {@code <role name>-boundary}. */
    static String boundaryArn(String roleArn) {
        String[] parts = roleArn.split(":", 6);
        String roleName = parts[5].substring(parts[5].lastIndexOf('/') + 1);
        return "arn:" + parts[1] + ":iam::" + parts[4] + ":policy/" + roleName + "-boundary";
    }

    private static List<Tag> tags(StackRequest request) {
        return request.tags().entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    private CloudFormationClient cloudFormation(StackRef ref) {
        return clients.cloudFormation(sessions.credentials(ref.access()), Region.of(ref.region()));
    }
}
