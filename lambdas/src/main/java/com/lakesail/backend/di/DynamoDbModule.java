package com.lakesail.backend.di;

import com.lakesail.backend.dynamodb.DynamoDbStore;
import com.lakesail.backend.port.Store;
import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The store on the table {@code TABLE_NAME} names; its client is built on the first store call. */
@Module
public final class DynamoDbModule {
    private DynamoDbModule() {
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
        return Environment.required("TABLE_NAME");
    }

    @Provides
    @Singleton
    static Store store(Lazy<DynamoDbClient> dynamoDb, @Named("tableName") String tableName) {
        return new DynamoDbStore(dynamoDb::get, tableName);
    }
}
