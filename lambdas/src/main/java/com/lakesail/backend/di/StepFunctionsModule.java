package com.lakesail.backend.di;

import com.lakesail.backend.port.Workflows;
import com.lakesail.backend.service.infra.InfraWorkflows;
import com.lakesail.backend.service.job.JobRunWorkflows;
import com.lakesail.backend.service.session.SessionWorkflows;
import com.lakesail.backend.service.workflow.WorkflowOutbox;
import com.lakesail.backend.stepfunctions.SfnWorkflows;
import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/** The lifecycle workflows on Step Functions; the client is built when the first workflow starts. */
@Module
public final class StepFunctionsModule {
    private StepFunctionsModule() {
    }

    @Provides
    @Singleton
    static SfnClient sfn(Region region, AwsCredentialsProvider credentials, SdkHttpClient http,
                         ClientOverrideConfiguration overrides) {
        return SfnClient.builder().region(region).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(overrides).build();
    }

    /** Every state machine a function may start. */
    static final List<String> STATE_MACHINES = Stream.concat(InfraWorkflows.STATE_MACHINES.stream(),
            Stream.of(JobRunWorkflows.STATE_MACHINE, SessionWorkflows.STATE_MACHINE)).toList();

    /**
     * State machine ARNs from {@code STATE_MACHINE_<NAME>} variables: template.yaml gives each function
     * those it starts (the API function all; the task and events functions {@code JobRun}). Starting
     * one a function was not given fails with a {@link com.lakesail.backend.port.WorkflowException}.
     */
    @Provides
    @Singleton
    static Workflows workflows(Lazy<SfnClient> sfn) {
        Map<String, String> arns = new LinkedHashMap<>();
        for (String name : STATE_MACHINES) {
            String arn = Environment.optional(InfraWorkflows.arnVariable(name));
            if (arn != null) {
                arns.put(name, arn);
            }
        }
        return new SfnWorkflows(sfn::get, arns);
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
}
