package com.lakesail.backend.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.port.AccountAccess;
import com.lakesail.backend.port.CloudAccessDeniedException;
import com.lakesail.backend.port.CloudProviderException;
import com.lakesail.backend.port.StackRef;
import com.lakesail.backend.port.StackRequest;
import com.lakesail.backend.port.StackState;
import com.lakesail.backend.port.StackTemplate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.CreateStackRequest;
import software.amazon.awssdk.services.cloudformation.model.DeleteStackRequest;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.UpdateStackRequest;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

class AwsCloudProviderTest {
    private static final String ROLE = "arn:aws:iam::111122223333:role/lakesail-cac-1";
    private static final AccountAccess ACCESS = new AccountAccess("111122223333", ROLE, "ext-123");
    private static final StackRef REF = new StackRef(ACCESS, "eu-west-1", "lakesail-net-1");
    private static final AgentRelease RELEASE = new AgentRelease("lakesail-artifacts-{region}", "agent/0.1.0/agent.jar",
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com/sail:0.5.1", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/runner:0.1.0");

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeSts sts = new FakeSts();
    private final FakeCloudFormation cfn = new FakeCloudFormation();
    private final AccountClients clients = new AccountClients() {
        @Override
        public CloudFormationClient cloudFormation(AwsCredentialsProvider credentials, Region region) {
            cfn.credentials = credentials;
            cfn.region = region;
            return cfn;
        }

        @Override
        public LambdaClient lambda(AwsCredentialsProvider credentials, Region region) {
            throw new AssertionError("stacks invoke no function");
        }
    };
    private final CloudFormationTemplates templates = new CloudFormationTemplates();
    private final AwsCloudProvider cloud = new AwsCloudProvider(new AccountSessions(() -> sts, clock), clients, templates,
            RELEASE);

    private static StackRequest request(StackTemplate template) {
        return new StackRequest(REF, template, Map.of("VpcCidr", "10.0.0.0/16"), Map.of("lakesail:name", "prod"),
                "lakesail-net-1-create-stack-1");
    }

    @Test
    void verifyRole_whenTrustPolicyDemandsExternalId_assumesWithItAndPasses() {
        cloud.verifyRole(ACCESS);

        AssumeRoleRequest first = sts.requests.get(0);
        assertEquals(ROLE, first.roleArn());
        assertEquals("ext-123", first.externalId());
        assertEquals(AccountSessions.SESSION_NAME, first.roleSessionName());
        assertEquals(900, first.durationSeconds());
        assertNull(sts.requests.get(1).externalId(), "the second attempt proves the ExternalId is required");
    }

    @Test
    void verifyRole_whenExternalIdWrong_throwsAccessDenied() {
        CloudAccessDeniedException e = assertThrows(CloudAccessDeniedException.class,
                () -> cloud.verifyRole(new AccountAccess("111122223333", ROLE, "someone-elses")));

        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("not authorized"), e.getMessage());
    }

    @Test
    void verifyRole_whenRoleReportsAnotherAccount_throwsAccessDenied() {
        sts.reportedAccount = "999988887777";

        CloudAccessDeniedException e = assertThrows(CloudAccessDeniedException.class, () -> cloud.verifyRole(ACCESS));

        assertEquals("the role is in account 999988887777, not 111122223333", e.getMessage());
    }

    @Test
    void verifyRole_whenRoleAssumableWithoutExternalId_throwsAccessDenied() {
        sts.acceptsMissingExternalId = true;

        CloudAccessDeniedException e = assertThrows(CloudAccessDeniedException.class, () -> cloud.verifyRole(ACCESS));

        assertTrue(e.getMessage().contains("must require the ExternalId"), e.getMessage());
    }

    @Test
    void verifyRole_whenThrottled_throwsRetryable() {
        sts.failure = FakeSts.throttled();

        CloudProviderException e = assertThrows(CloudProviderException.class, () -> cloud.verifyRole(ACCESS));

        assertFalse(e instanceof CloudAccessDeniedException);
        assertTrue(e.retryable());
    }

    @Test
    void createStack_whenNew_sendsTemplateTokenTagsAndCapabilitiesWithAssumedSession() {
        String id = cloud.createStack(request(StackTemplate.NETWORK));

        CreateStackRequest sent = (CreateStackRequest) cfn.requests.get(0);
        assertEquals(FakeCloudFormation.stackId("lakesail-net-1"), id);
        assertEquals("lakesail-net-1", sent.stackName());
        assertEquals("lakesail-net-1-create-stack-1", sent.clientRequestToken());
        assertEquals(templates.body(StackTemplate.NETWORK), sent.templateBody());
        assertEquals(Map.of("VpcCidr", "10.0.0.0/16"), parameters(sent.parameters()));
        assertEquals("prod", sent.tags().get(0).value());
        assertTrue(sent.capabilities().contains(Capability.CAPABILITY_NAMED_IAM));
        assertEquals(Region.EU_WEST_1, cfn.region);
        AwsSessionCredentials used = (AwsSessionCredentials) cfn.credentials.resolveCredentials();
        assertEquals("ASIAFAKE1", used.accessKeyId());
        assertEquals("token1", used.sessionToken());
        assertEquals("ext-123", sts.requests.get(0).externalId());
        assertEquals(1, cfn.closed);
    }

    @Test
    void createStack_whenCluster_addsTheRolesPermissionsBoundaryAndTheAgentRelease() {
        cloud.createStack(request(StackTemplate.CLUSTER));

        Map<String, String> sent = parameters(((CreateStackRequest) cfn.requests.get(0)).parameters());
        assertEquals("arn:aws:iam::111122223333:policy/lakesail-cac-1-boundary", sent.get("PermissionsBoundaryArn"));
        assertEquals("lakesail-artifacts-eu-west-1", sent.get("AgentCodeBucket"), "the agent's code in the cluster's region");
        assertEquals("agent/0.1.0/agent.jar", sent.get("AgentCodeKey"));
        assertEquals(RELEASE.sailImage(), sent.get("SailImage"));
        assertEquals(RELEASE.runnerImage(), sent.get("RunnerImage"));
    }

    @Test
    void createStack_whenClusterButNoAgentReleaseConfigured_throwsNonRetryableNamingTheSetting() {
        AwsCloudProvider unconfigured = new AwsCloudProvider(new AccountSessions(() -> sts, clock), clients, templates,
                new AgentRelease(null, null, null, null));

        CloudProviderException e = assertThrows(CloudProviderException.class,
                () -> unconfigured.createStack(request(StackTemplate.CLUSTER)));

        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("AGENT_CODE_BUCKET"), e.getMessage());
        assertEquals(0, cfn.requests.size());
    }

    @Test
    void createStack_whenStackAlreadyExists_returnsItsId() {
        cloud.createStack(request(StackTemplate.NETWORK));

        assertEquals(FakeCloudFormation.stackId("lakesail-net-1"), cloud.createStack(request(StackTemplate.NETWORK)));
    }

    @Test
    void createStack_whenThrottledOrServerError_throwsRetryable() {
        cfn.failure = CloudFormationException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("Throttling").errorMessage("Rate exceeded").build()).build();
        assertTrue(assertThrows(CloudProviderException.class, () -> cloud.createStack(request(StackTemplate.NETWORK))).retryable());

        cfn.failure = CloudFormationException.builder().statusCode(503).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("ServiceUnavailable").errorMessage("try later").build()).build();
        assertTrue(assertThrows(CloudProviderException.class, () -> cloud.createStack(request(StackTemplate.NETWORK))).retryable());
    }

    @Test
    void createStack_whenTemplateRejected_throwsNonRetryableWithServiceMessage() {
        cfn.failure = FakeCloudFormation.validationError("Parameter 'VpcCidr' must match pattern");

        CloudProviderException e = assertThrows(CloudProviderException.class, () -> cloud.createStack(request(StackTemplate.NETWORK)));

        assertFalse(e.retryable());
        assertEquals("CreateStack lakesail-net-1: Parameter 'VpcCidr' must match pattern", e.getMessage());
    }

    @Test
    void updateStack_whenNothingChanges_returnsStackIdAsSuccess() {
        cloud.createStack(request(StackTemplate.NETWORK));
        cfn.failure = FakeCloudFormation.validationError("No updates are to be performed.");

        assertEquals(FakeCloudFormation.stackId("lakesail-net-1"), cloud.updateStack(request(StackTemplate.NETWORK)));
    }

    @Test
    void updateStack_whenChanged_sendsToken() {
        cloud.updateStack(new StackRequest(REF, StackTemplate.CLUSTER, Map.of(), Map.of(), "lakesail-clu-1-update-stack-4"));

        UpdateStackRequest sent = (UpdateStackRequest) cfn.requests.get(0);
        assertEquals("lakesail-clu-1-update-stack-4", sent.clientRequestToken());
        assertEquals(templates.body(StackTemplate.CLUSTER), sent.templateBody());
    }

    @Test
    void deleteStack_whenCalled_sendsNameAndToken() {
        cloud.deleteStack(REF, "lakesail-net-1-delete-stack-3");

        DeleteStackRequest sent = (DeleteStackRequest) cfn.requests.get(0);
        assertEquals("lakesail-net-1", sent.stackName());
        assertEquals("lakesail-net-1-delete-stack-3", sent.clientRequestToken());
    }

    @ParameterizedTest
    @CsvSource({
            "CREATE_IN_PROGRESS, IN_PROGRESS", "CREATE_COMPLETE, COMPLETE", "CREATE_FAILED, FAILED",
            "ROLLBACK_IN_PROGRESS, IN_PROGRESS", "ROLLBACK_COMPLETE, FAILED", "ROLLBACK_FAILED, FAILED",
            "UPDATE_IN_PROGRESS, IN_PROGRESS", "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS, IN_PROGRESS",
            "UPDATE_COMPLETE, COMPLETE", "UPDATE_ROLLBACK_IN_PROGRESS, IN_PROGRESS", "UPDATE_ROLLBACK_COMPLETE, FAILED",
            "UPDATE_ROLLBACK_FAILED, FAILED", "UPDATE_FAILED, FAILED", "DELETE_IN_PROGRESS, IN_PROGRESS",
            "DELETE_COMPLETE, DELETED", "DELETE_FAILED, FAILED", "REVIEW_IN_PROGRESS, IN_PROGRESS"})
    void describeStack_whenStatus_mapsToWaitOutcome(String cloudFormationStatus, StackState.Status expected) {
        cfn.stacks.put("lakesail-net-1", Stack.builder().stackName("lakesail-net-1").stackId("id-1")
                .stackStatus(cloudFormationStatus).build());

        assertEquals(expected, cloud.describeStack(REF).orElseThrow().status());
    }

    @Test
    void describeStack_whenStatusUnknownToSdk_throwsNonRetryable() {
        cfn.stacks.put("lakesail-net-1", Stack.builder().stackName("lakesail-net-1").stackId("id-1").stackStatus("TELEPORTING").build());

        assertFalse(assertThrows(CloudProviderException.class, () -> cloud.describeStack(REF)).retryable());
    }

    @Test
    void describeStack_whenComplete_returnsOutputs() {
        cfn.stacks.put("lakesail-net-1", Stack.builder().stackName("lakesail-net-1").stackId("id-1").stackStatus("CREATE_COMPLETE")
                .outputs(Output.builder().outputKey("VpcId").outputValue("vpc-0a1b").build(),
                        Output.builder().outputKey("PrivateSubnet1Id").outputValue("subnet-01").build()).build());

        StackState state = cloud.describeStack(REF).orElseThrow();

        assertEquals(new StackState("id-1", StackState.Status.COMPLETE, null,
                Map.of("VpcId", "vpc-0a1b", "PrivateSubnet1Id", "subnet-01")), state);
    }

    @Test
    void describeStack_whenRolledBack_reportsTheRootCauseNotTheCancellations() {
        cfn.stacks.put("lakesail-net-1", Stack.builder().stackName("lakesail-net-1").stackId("id-1").stackStatus("ROLLBACK_COMPLETE")
                .stackStatusReason("The following resource(s) failed to create: [NatGateway, Vpc].").build());
        cfn.events.add(event("lakesail-net-1", "ROLLBACK_COMPLETE", null));
        cfn.events.add(event("NatGateway", "CREATE_FAILED", "Resource creation cancelled"));
        cfn.events.add(event("Vpc", "CREATE_FAILED", "The maximum number of VPCs has been reached."));
        cfn.events.add(event("Vpc", "CREATE_IN_PROGRESS", null));

        StackState state = cloud.describeStack(REF).orElseThrow();

        assertEquals(StackState.Status.FAILED, state.status());
        assertEquals("Vpc: The maximum number of VPCs has been reached.", state.reason());
    }

    @Test
    void describeStack_whenFailedWithoutEvents_fallsBackToStackReason() {
        cfn.stacks.put("lakesail-net-1", Stack.builder().stackName("lakesail-net-1").stackId("id-1").stackStatus("DELETE_FAILED")
                .stackStatusReason("bucket not empty").build());

        assertEquals("bucket not empty", cloud.describeStack(REF).orElseThrow().reason());
    }

    @Test
    void describeStack_whenNoSuchStack_returnsEmpty() {
        assertEquals(Optional.empty(), cloud.describeStack(REF));
    }

    @Test
    void describeStack_whenNetworkFails_throwsRetryable() {
        cfn.describeFailure = SdkClientException.create("connect timed out");

        CloudProviderException e = assertThrows(CloudProviderException.class, () -> cloud.describeStack(REF));

        assertTrue(e.retryable());
        assertEquals("DescribeStacks lakesail-net-1: connect timed out", e.getMessage());
    }

    @Test
    void session_whenReusedWithinLifetime_assumesOnceThenRenewsBeforeExpiry() {
        cloud.describeStack(REF);
        cloud.describeStack(REF);
        assertEquals(1, sts.requests.size());

        clock.advance(Duration.ofMinutes(11));
        sts.expiration = clock.instant().plus(Duration.ofMinutes(15));
        cloud.describeStack(REF);

        assertEquals(2, sts.requests.size());
    }

    @Test
    void boundaryArn_whenRoleHasPath_usesItsName() {
        assertEquals("arn:aws-cn:iam::111122223333:policy/lakesail-x-boundary",
                AwsCloudProvider.boundaryArn("arn:aws-cn:iam::111122223333:role/team/lakesail-x"));
    }

    @Test
    void accessDenied_isACloudProviderException() {
        assertInstanceOf(CloudProviderException.class, new CloudAccessDeniedException("x", null));
    }

    private static StackEvent event(String logicalId, String status, String reason) {
        return StackEvent.builder().logicalResourceId(logicalId).resourceStatus(status).resourceStatusReason(reason).build();
    }

    private static Map<String, String> parameters(java.util.List<Parameter> parameters) {
        return parameters.stream().collect(Collectors.toMap(Parameter::parameterKey, Parameter::parameterValue));
    }

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now;

        ManualClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
