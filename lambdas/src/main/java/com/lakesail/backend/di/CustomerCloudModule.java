package com.lakesail.backend.di;

import com.lakesail.backend.aws.AccountClients;
import com.lakesail.backend.aws.AccountSessions;
import com.lakesail.backend.aws.AgentClient;
import com.lakesail.backend.aws.AgentComputeRuntime;
import com.lakesail.backend.aws.AgentRelease;
import com.lakesail.backend.aws.AgentSessionRuntime;
import com.lakesail.backend.aws.AgentWorkloadRuntime;
import com.lakesail.backend.aws.AwsCloudProvider;
import com.lakesail.backend.aws.CloudFormationTemplates;
import com.lakesail.backend.aws.SdkAccountClients;
import com.lakesail.backend.port.CloudProvider;
import com.lakesail.backend.port.ComputeRuntime;
import com.lakesail.backend.port.SessionRuntime;
import com.lakesail.backend.port.WorkloadRuntime;
import com.lakesail.backend.service.job.JobRunLimits;
import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import java.time.Duration;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The customer's cloud, for the task function: STS and CloudFormation in their account, and each
 * cluster's agent (Lambda), through which the infrastructure, job-run and session workflows reach Kubernetes.
 */
@Module
public final class CustomerCloudModule {
    /** The agent's own timeout (cluster.yaml) is 30 s: an invocation may take that long, plus its cold start. */
    private static final Duration AGENT_ANSWER = Duration.ofSeconds(45);
    /**
     * The watcher reports sail_failed this long before the workflow itself stops waiting for Sail: the
     * watcher is silent until it reports, so the wait's heartbeat limit, not only its timeout, bounds it.
     */
    private static final int WATCHER_MARGIN_SECONDS = 120;

    private CustomerCloudModule() {
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
    static AccountSessions sessions(Lazy<StsClient> sts, Clock clock) {
        return new AccountSessions(sts::get, clock);
    }

    /**
     * CloudFormation and Lambda clients are per customer account, built on demand with the assumed
     * role's credentials. Agent invocations get their own HTTP client and no SDK retry: an answer
     * may take the agent's whole timeout, and the workflow retries a failed stage itself.
     */
    @Provides
    @Singleton
    static AccountClients accountClients(SdkHttpClient http, ClientOverrideConfiguration overrides) {
        SdkHttpClient invocations = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(AGENT_ANSWER).build();
        ClientOverrideConfiguration invocationOverrides = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallTimeout(AGENT_ANSWER.plusSeconds(5))
                .build();
        return new SdkAccountClients(http, overrides, invocations, invocationOverrides);
    }

    /** Where the agent's package is published and which images workloads run ({@code AGENT_CODE_*}, {@code *_IMAGE}). */
    @Provides
    @Singleton
    static AgentRelease agentRelease() {
        return new AgentRelease(Environment.optional("AGENT_CODE_BUCKET"), Environment.optional("AGENT_CODE_KEY"),
                Environment.optional("SAIL_IMAGE"), Environment.optional("RUNNER_IMAGE"));
    }

    @Provides
    @Singleton
    static CloudProvider cloud(AccountSessions sessions, AccountClients clients, AgentRelease release) {
        return new AwsCloudProvider(sessions, clients, new CloudFormationTemplates(), release);
    }

    @Provides
    @Singleton
    static AgentClient agent(AccountSessions sessions, AccountClients clients) {
        return new AgentClient(sessions, clients);
    }

    @Provides
    @Singleton
    static ComputeRuntime computeRuntime(AgentClient agent) {
        return new AgentComputeRuntime(agent);
    }

    @Provides
    @Singleton
    static WorkloadRuntime workloadRuntime(AgentClient agent, JobRunLimits limits) {
        return new AgentWorkloadRuntime(agent, watcherSeconds(limits));
    }

    /** Sessions' engines on the customers' clusters, through the same agents. */
    @Provides
    @Singleton
    static SessionRuntime sessionRuntime(AgentClient agent) {
        return new AgentSessionRuntime(agent);
    }

    static int watcherSeconds(JobRunLimits limits) {
        return Math.min(limits.sailSeconds(), limits.sailHeartbeatSeconds()) - WATCHER_MARGIN_SECONDS;
    }
}
