package com.lakesail.backend.dynamodb;

import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The single table of DESIGN §3: its attribute names, its two generic GSIs and the request that
 * creates it. template.yaml declares the same table for AWS (and adds TTL on {@code expiresAt} and
 * point-in-time recovery, which this request does not).
 */
public final class DynamoDbTableDefinition {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String TYPE = "type";
    public static final String VERSION = "version";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";
    public static final String GSI2_PK = "gsi2pk";
    public static final String GSI2_SK = "gsi2sk";
    public static final String EXPIRES_AT = "expiresAt";
    public static final String DATA = "data";

    public static final String GSI1 = "gsi1";
    public static final String GSI2 = "gsi2";

    private DynamoDbTableDefinition() {
    }

    /** On-demand billing; both GSIs project every attribute, so a GSI query returns whole items. */
    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(stringAttributes(PK, SK, GSI1_PK, GSI1_SK, GSI2_PK, GSI2_SK))
                .keySchema(keySchema(PK, SK))
                .globalSecondaryIndexes(index(GSI1, GSI1_PK, GSI1_SK), index(GSI2, GSI2_PK, GSI2_SK))
                .build();
    }

    private static List<AttributeDefinition> stringAttributes(String... names) {
        return Arrays.stream(names)
                .map(name -> AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build())
                .toList();
    }

    private static List<KeySchemaElement> keySchema(String hash, String range) {
        return List.of(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
    }

    private static GlobalSecondaryIndex index(String name, String hash, String range) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(keySchema(hash, range))
                .projection(p -> p.projectionType(ProjectionType.ALL))
                .build();
    }
}
