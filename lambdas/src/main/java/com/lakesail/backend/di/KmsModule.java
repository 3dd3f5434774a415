package com.lakesail.backend.di;

import com.lakesail.backend.aws.KmsTokenSigner;
import com.lakesail.backend.port.TokenSigner;
import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The session tokens' signing key, in KMS (template.yaml's {@code SessionSigningKey}, named by
 * {@code SESSION_SIGNING_KEY_ARN}): only the API function signs (the tokens it issues, the session
 * servers' own) and publishes the public key. The client is built on first use.
 */
@Module
public final class KmsModule {
    private KmsModule() {
    }

    @Provides
    @Singleton
    static KmsClient kms(Region region, AwsCredentialsProvider credentials, SdkHttpClient http,
                         ClientOverrideConfiguration overrides) {
        return KmsClient.builder().region(region).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(overrides).build();
    }

    @Provides
    @Singleton
    static TokenSigner tokenSigner(Lazy<KmsClient> kms) {
        return new KmsTokenSigner(kms::get, () -> Environment.required("SESSION_SIGNING_KEY_ARN"));
    }
}
