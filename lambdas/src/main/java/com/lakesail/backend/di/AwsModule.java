package com.lakesail.backend.di;

import com.lakesail.backend.api.JsonLog;
import com.lakesail.backend.aws.AccountClients;
import com.lakesail.backend.aws.AwsCloudProvider;
import com.lakesail.backend.aws.CloudFormationTemplates;
import com.lakesail.backend.aws.SdkAccountClients;
import com.lakesail.backend.dynamodb.DynamoDbStore;
import com.lakesail.backend.kubernetes.FabricComputeRuntime;
import com.lakesail.backend.port.CloudProvider;
import com.lakesail.backend.port.ComputeRuntime;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.Workflows;
import com.lakesail.backend.service.infra.InfraWorkflows;
import com.lakesail.backend.service.workflow.WorkflowOutbox;
import com.lakesail.backend.stepfunctions.SfnWorkflows;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The one place that builds AWS SDK clients, all with explicit configuration so nothing is
 * discovered at cold start: the region and credentials from the Lambda environment, the light
 * URL-connection HTTP client (no Apache, no Netty), standard retries and bounded timeouts.
 */
@Module
public final class AwsModule {
    private AwsModule() {
    }

    @Provides
    @Singleton
    static Region region() {
        return Region.of(required("AWS_REGION"));
    }

    @Provides
    @Singleton
    static AwsCredentialsProvider credentials() {
        return EnvironmentVariableCredentialsProvider.create();
    }

    @Provides
    @Singleton
    static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Provides
    @Singleton
    static ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.STANDARD)
                .apiCallTimeout(Duration.ofSeconds(15))
                .build();
    }

    @Provides
    @Singleton
    static DynamoDbClient dynamoDb(Region region, AwsCredentialsProvider credentials, SdkHttpClient http,
                                   ClientOverrideConfiguration overrides) {
        return DynamoDbClient.builder().region(region).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(overrides).build();
    }

    @Provides
    @Singleton
    static StsClient sts(Region region, AwsCredentialsProvider credentials, SdkHttpClient http,
                         ClientOverrideConfiguration overrides) {
        return StsClient.builder().region(region).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(overrides).build();
    }

    @Provides
    @Singleton
    static SfnClient sfn(Region region, AwsCredentialsProvider credentials, SdkHttpClient http,
                         ClientOverrideConfiguration overrides) {
        return SfnClient.builder().region(region).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(overrides).build();
    }

    /** CloudFormation and EKS clients are per customer account: built on demand with the assumed role's credentials. */
    @Provides
    @Singleton
    static AccountClients accountClients(SdkHttpClient http, ClientOverrideConfiguration overrides) {
        return new SdkAccountClients(http, overrides);
    }

    /**
     * Customer roles trust {@code CONTROL_PLANE_ROLE_ARN} (the task function's role); the quick-create
     * link needs {@code ROLE_TEMPLATE_URL}, where customer-role.yaml is published (optional).
     */
    @Provides
    @Singleton
    static CloudProvider cloud(StsClient sts, AccountClients clients, Clock clock) {
        String templateUrl = System.getenv("ROLE_TEMPLATE_URL");
        return new AwsCloudProvider(sts, clients, new CloudFormationTemplates(), required("CONTROL_PLANE_ROLE_ARN"),
                templateUrl == null || templateUrl.isBlank() ? null : templateUrl, clock);
    }

    @Provides
    @Singleton
    static ComputeRuntime computeRuntime() {
        return new FabricComputeRuntime();
    }

    /**
     * State machine ARNs from {@code STATE_MACHINE_<NAME>} variables (template.yaml sets them on the
     * functions that start workflows: the API and the reconciler).
     */
    @Provides
    @Singleton
    static Workflows workflows(SfnClient sfn) {
        Map<String, String> arns = new LinkedHashMap<>();
        for (String name : InfraWorkflows.STATE_MACHINES) {
            arns.put(name, required(InfraWorkflows.arnVariable(name)));
        }
        return new SfnWorkflows(sfn, arns);
    }

    /**
     * The API starts a workflow within milliseconds of its commit, so an entry a minute old was
     * orphaned by a death; Step Functions reports endings through EventBridge, so the reconciler's
     * look at running executions is only the backstop, every five minutes.
     */
    @Provides
    static WorkflowOutbox.Timing outboxTiming() {
        return new WorkflowOutbox.Timing(Duration.ofMinutes(1), Duration.ofMinutes(5), 6);
    }

    /** CloudFormation stacks take minutes: a poll every 20 s keeps transitions few and progress fresh. */
    @Provides
    static InfraWorkflows.Polling polling() {
        return new InfraWorkflows.Polling(20);
    }

    @Provides
    @Named("tableName")
    static String tableName() {
        return required("TABLE_NAME");
    }

    @Provides
    @Singleton
    static Store store(DynamoDbClient dynamoDb, @Named("tableName") String tableName) {
        return new DynamoDbStore(dynamoDb, tableName);
    }

    @Provides
    @Singleton
    static Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    static JsonLog log(Clock clock) {
        return JsonLog.stdout(clock);
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + variable + " is not set");
        }
        return value;
    }
}
