package com.lakesail.backend.di;

import com.lakesail.backend.api.JsonLog;
import com.lakesail.backend.dynamodb.DynamoDbStore;
import com.lakesail.backend.port.Store;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import java.time.Duration;
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
