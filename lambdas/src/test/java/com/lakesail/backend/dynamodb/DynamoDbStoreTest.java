package com.lakesail.backend.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Key;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Query;
import com.lakesail.backend.port.StoreException;
import com.lakesail.backend.port.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * {@link DynamoDbStore} against a scripted client, for what no emulator here can show: the exact
 * TransactWriteItems request, the mapping of DynamoDB's cancellation reasons (dynalite has no
 * transactions and nothing local produces {@code TransactionConflict}), throttling, and pages that
 * DynamoDB ends early at 1 MB.
 */
@DisplayName("DynamoDbStore with a scripted DynamoDbClient")
class DynamoDbStoreTest {

    private static final Item ITEM = Item.builder().pk("ORG#o").sk("ORG").type("Organization").version(3).data("{}").build();

    private final ScriptedDynamoDbClient dynamoDb = new ScriptedDynamoDbClient();
    private final DynamoDbStore store = new DynamoDbStore(dynamoDb, "lakesail");

    @Test
    void transact_whenWritesGiven_sendsThemInOrderWithTheirConditions() {
        store.transact(List.of(
                Write.put(ITEM, Condition.notExists()),
                Write.delete(Key.of("ORG#o", "TEAM#t"), Condition.versionIs(4)),
                Write.check(Key.of("ORG#o", "MEMBER#m"), Condition.exists()),
                Write.put(ITEM.toBuilder().sk("AUDIT#1").build(), Condition.none())));

        List<TransactWriteItem> writes = ((TransactWriteItemsRequest) dynamoDb.requests.get(0)).transactItems();
        assertEquals(4, writes.size());
        assertEquals("lakesail", writes.get(0).put().tableName());
        assertEquals(Map.of("pk", s("ORG#o"), "sk", s("ORG"), "type", s("Organization"),
                "version", AttributeValue.fromN("3"), "data", s("{}")), writes.get(0).put().item(), "nulls are left out");
        assertEquals("attribute_not_exists(#pk)", writes.get(0).put().conditionExpression());
        assertEquals(Map.of("#pk", "pk"), writes.get(0).put().expressionAttributeNames());
        assertEquals(Map.of("pk", s("ORG#o"), "sk", s("TEAM#t")), writes.get(1).delete().key());
        assertEquals("#version = :version", writes.get(1).delete().conditionExpression());
        assertEquals(Map.of("#version", "version"), writes.get(1).delete().expressionAttributeNames());
        assertEquals(Map.of(":version", AttributeValue.fromN("4")), writes.get(1).delete().expressionAttributeValues());
        assertEquals(Map.of("pk", s("ORG#o"), "sk", s("MEMBER#m")), writes.get(2).conditionCheck().key());
        assertEquals("attribute_exists(#pk)", writes.get(2).conditionCheck().conditionExpression());
        assertNull(writes.get(3).put().conditionExpression());
        assertEquals(1, store.roundTrips());
    }

    @Test
    void transact_whenCancelledByAFailedCondition_throwsConditionFailedNamingTheWrite() {
        dynamoDb.failure = cancelled("None", "None", "ConditionalCheckFailed");

        ConditionFailedException failure = assertThrows(ConditionFailedException.class, () -> store.transact(threeWrites()));

        assertEquals(OptionalInt.of(2), failure.failedWrite());
    }

    @Test
    void transact_whenCancelledByATransactionConflict_throwsConditionFailedNamingTheWrite() {
        dynamoDb.failure = cancelled("None", "TransactionConflict", "None");

        ConditionFailedException failure = assertThrows(ConditionFailedException.class, () -> store.transact(threeWrites()));

        assertEquals(OptionalInt.of(1), failure.failedWrite());
    }

    @Test
    void transact_whenConflictAndFailedConditionBothReported_namesTheFailedCondition() {
        dynamoDb.failure = cancelled("TransactionConflict", "None", "ConditionalCheckFailed");

        ConditionFailedException failure = assertThrows(ConditionFailedException.class, () -> store.transact(threeWrites()));

        assertEquals(OptionalInt.of(2), failure.failedWrite());
    }

    @Test
    void transact_whenCancelledByThrottling_throwsStoreExceptionWithTheCause() {
        TransactionCanceledException cancelled = cancelled("None", "ThrottlingError", "None");
        dynamoDb.failure = cancelled;

        StoreException failure = assertThrows(StoreException.class, () -> store.transact(threeWrites()));

        assertSame(cancelled, failure.getCause());
        assertTrue(failure.getMessage().contains("ThrottlingError"), failure.getMessage());
    }

    @Test
    void transact_whenACheckHasNoCondition_throwsIllegalArgumentWithoutCallingDynamoDb() {
        assertThrows(IllegalArgumentException.class,
                () -> store.transact(List.of(Write.check(Key.of("ORG#o", "ORG"), Condition.none()))));

        assertEquals(List.of(), dynamoDb.requests);
        assertEquals(0, store.roundTrips());
    }

    @Test
    void put_whenThrottled_throwsStoreExceptionWithTheCause() {
        AwsServiceException throttled = ProvisionedThroughputExceededException.builder()
                .message("Rate of requests exceeds the allowed throughput").statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build())
                .build();
        dynamoDb.failure = throttled;

        StoreException failure = assertThrows(StoreException.class, () -> store.put(ITEM, Condition.none()));

        assertSame(throttled, failure.getCause());
        assertTrue(failure.getMessage().contains("throttled"), failure.getMessage());
    }

    @Test
    void put_whenItCollidesWithATransactionInFlight_throwsConditionFailed() {
        dynamoDb.failure = TransactionConflictException.builder().message("Transaction is ongoing for the item").build();

        assertThrows(ConditionFailedException.class, () -> store.put(ITEM, Condition.versionIs(2)));
    }

    @Test
    void query_onAnIndex_asksForOneItemMoreWithoutConsistentRead() {
        dynamoDb.queryResponse = QueryResponse.builder().items(List.of()).build();

        store.query(Query.partition(Query.Index.GSI2, "NAME#prod", "CLUSTER#", 25, null).descending(true));

        QueryRequest request = (QueryRequest) dynamoDb.requests.get(0);
        assertEquals("gsi2", request.indexName());
        assertEquals(26, request.limit());
        assertEquals(false, request.scanIndexForward());
        assertNotEquals(Boolean.TRUE, request.consistentRead(), "DynamoDB rejects consistent reads on a GSI");
        assertTrue(request.keyConditionExpression().contains("begins_with"), request.keyConditionExpression());
    }

    @Test
    void query_whenDynamoDbEndsAPageEarly_resumesFromItsLastEvaluatedKey() {
        Map<String, AttributeValue> lastEvaluated = Map.of("pk", s("ORG#o"), "sk", s("TEAM#b"));
        dynamoDb.queryResponse = QueryResponse.builder()
                .items(List.of(attributes("TEAM#a"), attributes("TEAM#b"))).lastEvaluatedKey(lastEvaluated).build();
        Query first = Query.partition(Query.Index.TABLE, "ORG#o", "TEAM#", 10, null);

        Page<Item> page = store.query(first);
        assertEquals(2, page.items().size());
        assertNotNull(page.nextToken(), "a page cut short at 1 MB still leads on");

        dynamoDb.queryResponse = QueryResponse.builder().items(List.of()).build();
        store.query(Query.partition(Query.Index.TABLE, "ORG#o", "TEAM#", 10, page.nextToken()));
        assertEquals(lastEvaluated, ((QueryRequest) dynamoDb.requests.get(1)).exclusiveStartKey());
        assertEquals(Boolean.TRUE, ((QueryRequest) dynamoDb.requests.get(1)).consistentRead());
    }

    private static List<Write> threeWrites() {
        return List.of(Write.put(ITEM, Condition.versionIs(2)),
                Write.put(ITEM.toBuilder().sk("NAME#n").build(), Condition.notExists()),
                Write.check(Key.of("ORG#o", "MEMBER#m"), Condition.exists()));
    }

    private static TransactionCanceledException cancelled(String... codes) {
        List<CancellationReason> reasons = new ArrayList<>();
        for (String code : codes) {
            reasons.add(CancellationReason.builder().code(code).build());
        }
        return (TransactionCanceledException) TransactionCanceledException.builder()
                .message("Transaction cancelled, please refer cancellation reasons for specific reasons " + List.of(codes))
                .statusCode(400)
                .cancellationReasons(reasons)
                .build();
    }

    private static Map<String, AttributeValue> attributes(String sk) {
        return Map.of("pk", s("ORG#o"), "sk", s(sk), "type", s("Team"), "version", AttributeValue.fromN("1"));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    /** Records every request and answers with the scripted failure or response. */
    private static final class ScriptedDynamoDbClient implements DynamoDbClient {
        final List<SdkRequest> requests = new ArrayList<>();
        RuntimeException failure;
        QueryResponse queryResponse;

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            requests.add(request);
            if (failure != null) {
                throw failure;
            }
            return TransactWriteItemsResponse.builder().build();
        }

        @Override
        public PutItemResponse putItem(PutItemRequest request) {
            requests.add(request);
            if (failure != null) {
                throw failure;
            }
            return PutItemResponse.builder().build();
        }

        @Override
        public QueryResponse query(QueryRequest request) {
            requests.add(request);
            return queryResponse;
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    }
}
