package com.lakesail.backend.dynamodb;

import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.StoreContractTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The store contract against LocalStack's DynamoDB, which implements TransactWriteItems: here the
 * transactions are DynamoDB's own, so this run also proves what the dynalite run cannot — that
 * concurrent transactions are atomic and isolated. Skipped when Docker is absent.
 */
@Testcontainers(disabledWithoutDocker = true)
@DisplayName("DynamoDbStore on LocalStack (real TransactWriteItems)")
class DynamoDbStoreLocalStackContractTest extends StoreContractTest {

    @Container
    private static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4")).withServices("dynamodb");

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static DynamoDbClient client;

    @BeforeAll
    static void connect() {
        client = DynamoDbClient.builder()
                .endpointOverride(LOCALSTACK.getEndpoint())
                .region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @AfterAll
    static void disconnect() {
        if (client != null) {
            client.close();
        }
    }

    @Override
    protected Store createStore() {
        String table = "contract-" + TABLES.incrementAndGet();
        DynamoDbStore.createTable(client, table);
        return new DynamoDbStore(client, table);
    }
}
