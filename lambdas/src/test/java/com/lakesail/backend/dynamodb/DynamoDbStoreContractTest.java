package com.lakesail.backend.dynamodb;

import com.lakesail.backend.dynamodb.testing.DynaliteServer;
import com.lakesail.backend.dynamodb.testing.NonAtomicTransactWriteDynamoDbClient;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.StoreContractTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The store contract against dynalite: the real {@link DynamoDbStore}, the real Enhanced Client and
 * the DynamoDB wire protocol, on a fresh table per test.
 *
 * <p>What this run cannot prove: dynalite has no TransactWriteItems, so transactions go through
 * {@link NonAtomicTransactWriteDynamoDbClient}, which checks every condition first and then writes one
 * item at a time. Single-threaded transaction tests (all-or-nothing on a failed condition, the failing
 * write's index, put+delete+check, the size limit) are meaningful here; the atomicity and isolation of
 * concurrent transactions are not, and that test is skipped (see {@link #provesTransactionIsolation()}).
 * Those are proven by {@code DynamoDbStoreLocalStackContractTest} (real TransactWriteItems, where Docker
 * exists) and by the SQLite run of this suite in module {@code local}. The mapping of DynamoDB's
 * cancellation reasons, including {@code TransactionConflict}, is proven by
 * {@code DynamoDbStoreTest} with a scripted client.
 */
@DisplayName("DynamoDbStore on dynalite (transactions: non-atomic test stand-in; isolation proven on LocalStack and SQLite)")
class DynamoDbStoreContractTest extends StoreContractTest {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static DynaliteServer dynalite;
    private static DynamoDbClient client;

    @BeforeAll
    static void startDynalite() {
        dynalite = DynaliteServer.start();
        client = new NonAtomicTransactWriteDynamoDbClient(dynalite.newClient());
    }

    @AfterAll
    static void stopDynalite() {
        if (client != null) {
            client.close();
        }
        if (dynalite != null) {
            dynalite.close();
        }
    }

    @Override
    protected Store createStore() {
        String table = "contract-" + TABLES.incrementAndGet();
        DynamoDbStore.createTable(client, table);
        return new DynamoDbStore(client, table);
    }

    /** dynalite's transactions are the non-atomic stand-in: concurrent transfers could interleave. */
    @Override
    protected boolean provesTransactionIsolation() {
        return false;
    }
}
