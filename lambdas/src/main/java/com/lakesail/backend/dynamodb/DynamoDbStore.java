package com.lakesail.backend.dynamodb;

import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Key;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Query;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.StoreException;
import com.lakesail.backend.port.Write;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * The {@link Store} port on one DynamoDB table (DESIGN §3), through the Enhanced Client and the
 * static schema of {@link TableSchemas}. Thread-safe; build one per container and share it.
 *
 * <pre>{@code
 * Store store = new DynamoDbStore(dynamoDbClient, "lakesail");
 * store.put(item, Condition.versionIs(read.version()));   // ConditionFailedException on a lost race
 * }</pre>
 *
 * <p>Paging: each page is one Query call asking for one item more than the page size; that extra item
 * proves a next page exists, so a full last page carries no token. DynamoDB also ends a page at 1 MB
 * of data; such a page carries a token even when nothing follows, and the page after it is empty.
 */
public final class DynamoDbStore implements Store {

    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    private static final String TRANSACTION_CONFLICT = "TransactionConflict";
    private static final int MAX_PARTITION_KEY_BYTES = 2048;
    private static final int MAX_SORT_KEY_BYTES = 1024;

    private final String tableName;
    private final Supplier<DynamoDbClient> dynamoDb;
    private final AtomicLong roundTrips = new AtomicLong();
    /** Bound to the client on the first call: a request that never reaches the table builds no client. */
    private volatile Bound bound;

    public DynamoDbStore(DynamoDbClient dynamoDb, String tableName) {
        this(() -> dynamoDb, tableName);
    }

    /** @param dynamoDb called once, on the first store call (the Lambda functions build their client lazily) */
    public DynamoDbStore(Supplier<DynamoDbClient> dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** The table schema, item to attributes and back, without a client. */
    @Override
    public void prime() {
        Item sample = new Item("ORG#o", "ORG", "organization", 1L, "G1", "G1", null, null, null, "{}");
        TableSchemas.ITEM.mapToItem(TableSchemas.ITEM.itemToMap(sample, true));
    }

    private record Bound(DynamoDbEnhancedClient client, DynamoDbTable<Item> table,
                         Map<Query.Index, Function<QueryEnhancedRequest, SdkIterable<software.amazon.awssdk.enhanced.dynamodb.model.Page<Item>>>> queryTargets) {
    }

    private Bound bound() {
        Bound b = bound;
        if (b == null) {
            synchronized (this) {
                if (bound == null) {
                    // No extensions: this adapter writes the version conditions itself, explicitly.
                    DynamoDbEnhancedClient client = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb.get())
                            .extensions(List.of()).build();
                    DynamoDbTable<Item> table = client.table(tableName, TableSchemas.ITEM);
                    Map<Query.Index, Function<QueryEnhancedRequest, SdkIterable<software.amazon.awssdk.enhanced.dynamodb.model.Page<Item>>>> targets =
                            new EnumMap<>(Query.Index.class);
                    targets.put(Query.Index.TABLE, table::query);
                    targets.put(Query.Index.GSI1, table.index(DynamoDbTableDefinition.GSI1)::query);
                    targets.put(Query.Index.GSI2, table.index(DynamoDbTableDefinition.GSI2)::query);
                    bound = new Bound(client, table, Map.copyOf(targets));
                }
                b = bound;
            }
        }
        return b;
    }

    private DynamoDbTable<Item> table() {
        return bound().table();
    }

    /**
     * Creates the table (on-demand, both GSIs) and waits until it is active. For tests and local
     * tooling; on AWS, template.yaml owns the table.
     */
    public static void createTable(DynamoDbClient dynamoDb, String tableName) {
        dynamoDb.createTable(DynamoDbTableDefinition.createTableRequest(tableName));
        WaiterOverrideConfiguration polling = WaiterOverrideConfiguration.builder()
                .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(250)))
                .waitTimeout(Duration.ofMinutes(2))
                .build();
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(dynamoDb).overrideConfiguration(polling).build()) {
            waiter.waitUntilTableExists(r -> r.tableName(tableName));
        }
    }

    @Override
    public Optional<Item> get(Key key) {
        if (!storable(key.pk(), key.sk())) {
            // DynamoDB refuses such a key outright; no item can have it, so it is simply not there.
            return Optional.empty();
        }
        roundTrips.incrementAndGet();
        try {
            return Optional.ofNullable(table().getItem(r -> r.key(key(key)).consistentRead(true)));
        } catch (SdkException e) {
            throw failure("get", e);
        }
    }

    @Override
    public void put(Item item, Condition condition) {
        roundTrips.incrementAndGet();
        try {
            table().putItem(r -> r.item(item).conditionExpression(ConditionExpressions.of(condition)));
        } catch (ConditionalCheckFailedException e) {
            throw new ConditionFailedException("put of a " + item.type() + ": condition " + condition + " failed");
        } catch (SdkException e) {
            throw failure("put", e);
        }
    }

    @Override
    public void delete(Key key, Condition condition) {
        roundTrips.incrementAndGet();
        try {
            table().deleteItem(r -> r.key(key(key)).conditionExpression(ConditionExpressions.of(condition)));
        } catch (ConditionalCheckFailedException e) {
            throw new ConditionFailedException("delete: condition " + condition + " failed");
        } catch (SdkException e) {
            throw failure("delete", e);
        }
    }

    @Override
    public Page<Item> query(Query query) {
        if (!storable(query.pk(), query.skPrefix())) {
            return new Page<>(List.of(), null);
        }
        Map<String, AttributeValue> startKey = query.pageToken() == null ? null : attributeValues(PageTokens.decode(query));
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(keyCondition(query))
                .exclusiveStartKey(startKey)
                .limit(query.limit() + 1)
                .scanIndexForward(!query.descending())
                // GSIs only offer eventually consistent reads; the table is read strongly, like get.
                .consistentRead(query.index() == Query.Index.TABLE)
                .build();
        roundTrips.incrementAndGet();
        software.amazon.awssdk.enhanced.dynamodb.model.Page<Item> page;
        try {
            // The iterable is lazy: taking its first page makes exactly one Query call.
            page = bound().queryTargets().get(query.index()).apply(request).iterator().next();
        } catch (SdkException e) {
            throw failure("query", e);
        }
        return page(query, page);
    }

    /**
     * Whether a key could exist: DynamoDB caps partition keys at 2,048 bytes and sort keys at 1,024.
     * Ids taken from requests can be longer; looking them up must answer "absent", not fail.
     */
    private static boolean storable(String pk, String sk) {
        return utf8Length(pk) <= MAX_PARTITION_KEY_BYTES && utf8Length(sk) <= MAX_SORT_KEY_BYTES;
    }

    private static long utf8Length(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    @Override
    public void transact(List<Write> writes) {
        checkTransaction(writes);
        Bound bound = bound();
        DynamoDbTable<Item> table = bound.table();
        TransactWriteItemsEnhancedRequest.Builder request = TransactWriteItemsEnhancedRequest.builder();
        for (Write write : writes) {
            Expression condition = ConditionExpressions.of(write.condition());
            if (write instanceof Write.Put put) {
                request.addPutItem(table, TransactPutItemEnhancedRequest.builder(Item.class)
                        .item(put.item()).conditionExpression(condition).build());
            } else if (write instanceof Write.Delete) {
                request.addDeleteItem(table, TransactDeleteItemEnhancedRequest.builder()
                        .key(key(write.key())).conditionExpression(condition).build());
            } else {
                request.addConditionCheck(table, ConditionCheck.builder()
                        .key(key(write.key())).conditionExpression(condition).build());
            }
        }
        roundTrips.incrementAndGet();
        try {
            bound.client().transactWriteItems(request.build());
        } catch (TransactionCanceledException e) {
            throw cancellation(writes, e);
        } catch (SdkException e) {
            throw failure("transaction", e);
        }
    }

    @Override
    public long roundTrips() {
        return roundTrips.get();
    }

    /** DynamoDB's own rules, checked before the call so a bad batch fails the same way on every store. */
    private static void checkTransaction(List<Write> writes) {
        if (writes.isEmpty() || writes.size() > MAX_TRANSACTION_WRITES) {
            throw new IllegalArgumentException("a transaction holds 1.." + MAX_TRANSACTION_WRITES + " writes: " + writes.size());
        }
        Set<Key> keys = new HashSet<>();
        for (int i = 0; i < writes.size(); i++) {
            Write write = writes.get(i);
            if (!keys.add(write.key())) {
                throw new IllegalArgumentException("transaction write " + i + " touches an item another write touches");
            }
            if (write instanceof Write.Check && write.condition() instanceof Condition.None) {
                throw new IllegalArgumentException("transaction write " + i + " is a check without a condition");
            }
        }
    }

    /**
     * DynamoDB reports one reason per write, in request order. A failed condition names its write; a
     * conflict with a concurrent transaction on the same item is a lost race too, so the caller
     * re-reads and retries exactly as after a stale version. Anything else is the store's failure.
     */
    private static RuntimeException cancellation(List<Write> writes, TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        for (String code : List.of(CONDITIONAL_CHECK_FAILED, TRANSACTION_CONFLICT)) {
            for (int i = 0; i < reasons.size(); i++) {
                if (code.equals(reasons.get(i).code())) {
                    String what = code.equals(TRANSACTION_CONFLICT) ? "conflicted with a concurrent transaction"
                            : "condition " + writes.get(i).condition() + " failed";
                    return new ConditionFailedException("transaction write " + i + " ("
                            + writes.get(i).getClass().getSimpleName().toLowerCase(Locale.ROOT) + "): " + what, i);
                }
            }
        }
        return new StoreException("DynamoDB cancelled the transaction: "
                + reasons.stream().map(CancellationReason::code).toList(), e);
    }

    private RuntimeException failure(String operation, SdkException e) {
        if (e instanceof TransactionConflictException) {
            // A single-item write collided with a transaction in flight on the same item: a lost race.
            return new ConditionFailedException(operation + ": conflicted with a concurrent transaction");
        }
        boolean throttled = e instanceof AwsServiceException service && service.isThrottlingException();
        return new StoreException("DynamoDB " + operation + " on table " + tableName
                + (throttled ? " was throttled" : " failed") + ": " + e.getMessage(), e, throttled);
    }

    private static QueryConditional keyCondition(Query query) {
        if (query.skPrefix().isEmpty()) {
            return QueryConditional.keyEqualTo(k -> k.partitionValue(query.pk()));
        }
        return QueryConditional.sortBeginsWith(k -> k.partitionValue(query.pk()).sortValue(query.skPrefix()));
    }

    private static Page<Item> page(Query query, software.amazon.awssdk.enhanced.dynamodb.model.Page<Item> page) {
        List<Item> items = page.items();
        if (items.size() > query.limit()) {
            List<Item> shown = items.subList(0, query.limit());
            Item last = shown.get(shown.size() - 1);
            return new Page<>(shown, PageTokens.encode(query, PageTokens.keyAfter(query.index(), last)));
        }
        Map<String, AttributeValue> lastEvaluated = page.lastEvaluatedKey();
        if (lastEvaluated == null || lastEvaluated.isEmpty()) {
            return new Page<>(items, null);
        }
        Map<String, String> resumeAt = new LinkedHashMap<>();
        lastEvaluated.forEach((name, value) -> resumeAt.put(name, value.s()));
        return new Page<>(items, PageTokens.encode(query, resumeAt));
    }

    private static Map<String, AttributeValue> attributeValues(Map<String, String> key) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        key.forEach((name, value) -> values.put(name, AttributeValue.fromS(value)));
        return values;
    }

    private static software.amazon.awssdk.enhanced.dynamodb.Key key(Key key) {
        return software.amazon.awssdk.enhanced.dynamodb.Key.builder().partitionValue(key.pk()).sortValue(key.sk()).build();
    }
}
