package com.lakesail.backend.di;

import com.lakesail.backend.api.JsonLog;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import java.time.Duration;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * What every Lambda function shares, and the one place AWS SDK clients get their configuration:
 * all explicit, so nothing is discovered at cold start (the region and credentials from the Lambda
 * environment, one URL-connection HTTP client, standard retries, bounded timeouts). Nothing here is
 * built until a client needs it: a request that never reaches AWS builds none of it.
 */
@Module
public final class LambdaModule {
    private LambdaModule() {
    }

    @Provides
    @Singleton
    static Region region() {
        return Region.of(Environment.required("AWS_REGION"));
    }

    @Provides
    @Singleton
    static AwsCredentialsProvider credentials() {
        return EnvironmentVariableCredentialsProvider.create();
    }

    /** The function's one HTTP client, shared by all its SDK clients (none of which closes it). */
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
    static Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    static JsonLog log(Clock clock) {
        return JsonLog.stdout(clock);
    }
}
