package com.lakesail.backend.di;

import com.lakesail.backend.port.Workflows;
import com.lakesail.backend.service.infra.InfraWorkflows;
import com.lakesail.backend.stepfunctions.SfnWorkflows;
import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /** State machine ARNs from {@code STATE_MACHINE_<NAME>} variables (template.yaml sets them on the API function). */
    @Provides
    @Singleton
    static Workflows workflows(Lazy<SfnClient> sfn) {
        Map<String, String> arns = new LinkedHashMap<>();
        for (String name : InfraWorkflows.STATE_MACHINES) {
            arns.put(name, Environment.required(InfraWorkflows.arnVariable(name)));
        }
        return new SfnWorkflows(sfn::get, arns);
    }

    /** CloudFormation stacks take minutes: a poll every 20 s keeps transitions few and progress fresh. */
    @Provides
    static InfraWorkflows.Polling polling() {
        return new InfraWorkflows.Polling(20);
    }
}
