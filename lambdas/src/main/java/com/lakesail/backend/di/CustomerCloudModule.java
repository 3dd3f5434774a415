package com.lakesail.backend.di;

import com.lakesail.backend.aws.AccountClients;
import com.lakesail.backend.aws.AwsCloudProvider;
import com.lakesail.backend.aws.CloudFormationTemplates;
import com.lakesail.backend.aws.SdkAccountClients;
import com.lakesail.backend.kubernetes.FabricComputeRuntime;
import com.lakesail.backend.port.CloudProvider;
import com.lakesail.backend.port.ComputeRuntime;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** The customer's cloud, for the task function: STS, CloudFormation and EKS in their account, then Kubernetes. */
@Module
public final class CustomerCloudModule {
    private CustomerCloudModule() {
    }

    @Provides
    @Singleton
    static StsClient sts(Region region, AwsCredentialsProvider credentials, SdkHttpClient http,
                         ClientOverrideConfiguration overrides) {
        return StsClient.builder().region(region).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(overrides).build();
    }

    /** CloudFormation and EKS clients are per customer account: built on demand with the assumed role's credentials. */
    @Provides
    @Singleton
    static AccountClients accountClients(SdkHttpClient http, ClientOverrideConfiguration overrides) {
        return new SdkAccountClients(http, overrides);
    }

    @Provides
    @Singleton
    static CloudProvider cloud(StsClient sts, AccountClients clients, Clock clock) {
        return new AwsCloudProvider(sts, clients, new CloudFormationTemplates(), clock);
    }

    @Provides
    @Singleton
    static ComputeRuntime computeRuntime() {
        return new FabricComputeRuntime();
    }
}
