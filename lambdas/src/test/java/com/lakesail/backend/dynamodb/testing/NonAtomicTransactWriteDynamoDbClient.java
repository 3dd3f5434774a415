package com.lakesail.backend.dynamodb.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * TEST ONLY: gives a DynamoDB emulator without TransactWriteItems (dynalite answers
 * UnknownOperationException) a stand-in for it, so the {@code DynamoDbStore} code above the client is
 * exercised unchanged. Every other operation goes straight to the wrapped client.
 *
 * <p>A transaction here is two phases: first every write's condition is evaluated against a strongly
 * consistent GetItem of its item; if any fails, the call throws {@link TransactionCanceledException}
 * with one reason per write in request order, like DynamoDB, and nothing is written. Otherwise the
 * writes are applied one by one, each still guarded by its own condition.
 *
 * <p><b>This is NOT atomic and NOT isolated.</b> Other clients see the writes land one at a time; a
 * concurrent writer can change an item between the check and the write, and then the transaction fails
 * after its earlier writes are already applied. It never reports {@code TransactionConflict}. Use it only
 * for single-threaded tests of what happens around a transaction; atomicity and isolation are proven
 * against real TransactWriteItems (LocalStack) and the SQLite store.
 *
 * <p>It evaluates exactly the condition forms {@code DynamoDbStore} writes: {@code attribute_exists(#n)},
 * {@code attribute_not_exists(#n)} and {@code #n = :v} (values compared as stored), and supports Put,
 * Delete and ConditionCheck writes; anything else is rejected rather than guessed at.
 */
public final class NonAtomicTransactWriteDynamoDbClient implements DynamoDbClient {

    private static final Pattern EXISTS = Pattern.compile("attribute_exists\\((#\\w+)\\)");
    private static final Pattern NOT_EXISTS = Pattern.compile("attribute_not_exists\\((#\\w+)\\)");
    private static final Pattern EQUALS = Pattern.compile("(#\\w+) = (:\\w+)");

    private final DynamoDbClient delegate;
    private final Map<String, List<String>> keyAttributesByTable = new ConcurrentHashMap<>();

    public NonAtomicTransactWriteDynamoDbClient(DynamoDbClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        List<Guarded> writes = request.transactItems().stream().map(this::guarded).toList();
        List<String> codes = new ArrayList<>(Collections.nCopies(writes.size(), "None"));
        for (int i = 0; i < writes.size(); i++) {
            if (!writes.get(i).holds(current(writes.get(i)))) {
                codes.set(i, "ConditionalCheckFailed");
            }
        }
        if (codes.contains("ConditionalCheckFailed")) {
            throw cancelled(codes);
        }
        for (int i = 0; i < writes.size(); i++) {
            try {
                apply(request.transactItems().get(i));
            } catch (ConditionalCheckFailedException raced) {
                // The non-atomic gap: the item changed after the check phase; earlier writes stay applied.
                codes.set(i, "ConditionalCheckFailed");
                throw cancelled(codes);
            }
        }
        return TransactWriteItemsResponse.builder().build();
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        return delegate.getItem(request);
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        return delegate.putItem(request);
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        return delegate.deleteItem(request);
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        return delegate.query(request);
    }

    @Override
    public CreateTableResponse createTable(CreateTableRequest request) {
        return delegate.createTable(request);
    }

    @Override
    public DescribeTableResponse describeTable(DescribeTableRequest request) {
        return delegate.describeTable(request);
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** One write reduced to what the check phase needs: where it lands and what must hold there. */
    private record Guarded(String table, Map<String, AttributeValue> key, String condition,
                           Map<String, String> names, Map<String, AttributeValue> values) {

        boolean holds(Map<String, AttributeValue> item) {
            if (condition == null) {
                return true;
            }
            Matcher matcher;
            if ((matcher = EXISTS.matcher(condition)).matches()) {
                return item.containsKey(names.get(matcher.group(1)));
            }
            if ((matcher = NOT_EXISTS.matcher(condition)).matches()) {
                return !item.containsKey(names.get(matcher.group(1)));
            }
            if ((matcher = EQUALS.matcher(condition)).matches()) {
                return values.get(matcher.group(2)).equals(item.get(names.get(matcher.group(1))));
            }
            throw new UnsupportedOperationException("the non-atomic test transaction cannot evaluate: " + condition);
        }
    }

    private Guarded guarded(TransactWriteItem write) {
        if (write.put() != null) {
            var put = write.put();
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            keyAttributes(put.tableName()).forEach(name -> key.put(name, put.item().get(name)));
            return new Guarded(put.tableName(), key, put.conditionExpression(),
                    put.expressionAttributeNames(), put.expressionAttributeValues());
        }
        if (write.delete() != null) {
            var delete = write.delete();
            return new Guarded(delete.tableName(), delete.key(), delete.conditionExpression(),
                    delete.expressionAttributeNames(), delete.expressionAttributeValues());
        }
        if (write.conditionCheck() != null) {
            var check = write.conditionCheck();
            return new Guarded(check.tableName(), check.key(), check.conditionExpression(),
                    check.expressionAttributeNames(), check.expressionAttributeValues());
        }
        throw new UnsupportedOperationException("the non-atomic test transaction supports Put, Delete and ConditionCheck only");
    }

    private Map<String, AttributeValue> current(Guarded write) {
        GetItemResponse response = delegate.getItem(r -> r.tableName(write.table()).key(write.key()).consistentRead(true));
        return response.hasItem() ? response.item() : Map.of();
    }

    private void apply(TransactWriteItem write) {
        if (write.put() != null) {
            var put = write.put();
            delegate.putItem(r -> r.tableName(put.tableName()).item(put.item())
                    .conditionExpression(put.conditionExpression())
                    .expressionAttributeNames(put.hasExpressionAttributeNames() ? put.expressionAttributeNames() : null)
                    .expressionAttributeValues(put.hasExpressionAttributeValues() ? put.expressionAttributeValues() : null));
        } else if (write.delete() != null) {
            var delete = write.delete();
            delegate.deleteItem(r -> r.tableName(delete.tableName()).key(delete.key())
                    .conditionExpression(delete.conditionExpression())
                    .expressionAttributeNames(delete.hasExpressionAttributeNames() ? delete.expressionAttributeNames() : null)
                    .expressionAttributeValues(delete.hasExpressionAttributeValues() ? delete.expressionAttributeValues() : null));
        }
        // A ConditionCheck writes nothing: the check phase already evaluated it.
    }

    private List<String> keyAttributes(String table) {
        return keyAttributesByTable.computeIfAbsent(table, name -> delegate.describeTable(r -> r.tableName(name))
                .table().keySchema().stream().map(KeySchemaElement::attributeName).toList());
    }

    private static TransactionCanceledException cancelled(List<String> codes) {
        String message = "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes;
        return (TransactionCanceledException) TransactionCanceledException.builder()
                .message(message)
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TransactionCanceledException")
                        .errorMessage(message).serviceName("DynamoDb").build())
                .cancellationReasons(codes.stream().map(code -> CancellationReason.builder().code(code).build()).toList())
                .build();
    }
}
