package com.lakesail.backend.di;

import com.lakesail.backend.aws.KmsCalls;
import com.lakesail.backend.aws.KmsTokenSigner;
import com.lakesail.backend.port.TokenSigner;
import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The session tokens' signing key, in KMS (template.yaml's {@code SessionSigningKey}, named by
 * {@code SESSION_SIGNING_KEY_ARN}): only the API function signs (the tokens it issues, the session
 * servers' own) and publishes the public key. KMS is reached on first use, over the function's HTTP
 * client ({@link KmsCalls}: the generated KMS client would add 1.5 MiB to the API function's package).
 */
@Module
public final class KmsModule {
    private KmsModule() {
    }

    @Provides
    @Singleton
    static KmsCalls kms(Region region, AwsCredentialsProvider credentials, SdkHttpClient http) {
        return new KmsCalls(http, credentials, region, KmsCalls.endpoint(region));
    }

    @Provides
    @Singleton
    static TokenSigner tokenSigner(Lazy<KmsCalls> kms) {
        return new KmsTokenSigner(kms::get, () -> Environment.required("SESSION_SIGNING_KEY_ARN"));
    }
}
