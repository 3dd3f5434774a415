package com.lakesail.local.sqlite;

import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.InvalidPageTokenException;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Key;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Query;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.StoreException;
import com.lakesail.backend.port.Write;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded {@link Store}: one SQLite table shaped like the DynamoDB one, in WAL mode.
 *
 * <p>One connection serialised by a lock: SQLite admits one writer at a time anyway, and an
 * in-process call costs microseconds, so a pool would buy contention, not throughput. Every
 * conditional write reads and writes inside one {@code BEGIN IMMEDIATE} transaction, which is what
 * makes conditions and {@link #transact} atomic. {@code synchronous=NORMAL} in WAL mode survives a
 * killed process (the WAL is in the OS's hands at commit), though not a power cut.
 */
public final class SqliteStore implements Store, AutoCloseable {

    private static final String COLUMNS = "pk, sk, type, version, gsi1pk, gsi1sk, gsi2pk, gsi2sk, expires_at, data";

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong roundTrips = new AtomicLong();
    private final PreparedStatement select;
    private final PreparedStatement upsert;
    private final PreparedStatement remove;

    private SqliteStore(String url) {
        try {
            connection = DriverManager.getConnection(url);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("CREATE TABLE IF NOT EXISTS items (pk TEXT NOT NULL, sk TEXT NOT NULL, type TEXT NOT NULL,"
                        + " version INTEGER NOT NULL, gsi1pk TEXT, gsi1sk TEXT, gsi2pk TEXT, gsi2sk TEXT,"
                        + " expires_at INTEGER, data TEXT, PRIMARY KEY (pk, sk)) WITHOUT ROWID");
                s.execute("CREATE INDEX IF NOT EXISTS items_gsi1 ON items (gsi1pk, gsi1sk, pk, sk) WHERE gsi1pk IS NOT NULL");
                s.execute("CREATE INDEX IF NOT EXISTS items_gsi2 ON items (gsi2pk, gsi2sk, pk, sk) WHERE gsi2pk IS NOT NULL");
            }
            connection.setAutoCommit(true);
            select = connection.prepareStatement("SELECT " + COLUMNS + " FROM items WHERE pk = ? AND sk = ?");
            upsert = connection.prepareStatement("INSERT OR REPLACE INTO items (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            remove = connection.prepareStatement("DELETE FROM items WHERE pk = ? AND sk = ?");
        } catch (SQLException e) {
            throw new StoreException("cannot open SQLite store " + url, e);
        }
    }

    /** A private database that lives as long as this object, for tests. */
    public static SqliteStore inMemory() {
        return new SqliteStore("jdbc:sqlite::memory:");
    }

    /** The database in {@code file}, created with its parent directories if absent. */
    public static SqliteStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create " + file.getParent(), e);
        }
        return new SqliteStore("jdbc:sqlite:" + file.toAbsolutePath());
    }

    @Override
    public Optional<Item> get(Key key) {
        roundTrips.incrementAndGet();
        lock.lock();
        try {
            return read(key);
        } catch (SQLException e) {
            throw new StoreException("get " + key, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void put(Item item, Condition condition) {
        transact(List.of(Write.put(item, condition)));
    }

    @Override
    public void delete(Key key, Condition condition) {
        transact(List.of(Write.delete(key, condition)));
    }

    @Override
    public void transact(List<Write> writes) {
        if (writes.isEmpty() || writes.size() > MAX_TRANSACTION_WRITES) {
            throw new IllegalArgumentException("a transaction has 1.." + MAX_TRANSACTION_WRITES + " writes: " + writes.size());
        }
        if (writes.stream().map(Write::key).distinct().count() != writes.size()) {
            throw new IllegalArgumentException("a transaction writes each item at most once");
        }
        roundTrips.incrementAndGet();
        lock.lock();
        try {
            runInTransaction(writes);
        } catch (SQLException e) {
            throw new StoreException("transact", e);
        } finally {
            lock.unlock();
        }
    }

    private void runInTransaction(List<Write> writes) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
        boolean committed = false;
        try {
            for (int i = 0; i < writes.size(); i++) {
                Write write = writes.get(i);
                if (!holds(write.condition(), read(write.key()))) {
                    throw new ConditionFailedException(describe(write), writes.size() == 1 ? -1 : i);
                }
            }
            for (Write write : writes) {
                apply(write);
            }
            try (Statement s = connection.createStatement()) {
                s.execute("COMMIT");
            }
            committed = true;
        } finally {
            if (!committed) {
                try (Statement s = connection.createStatement()) {
                    s.execute("ROLLBACK");
                }
            }
        }
    }

    private void apply(Write write) throws SQLException {
        if (write instanceof Write.Put put) {
            Item item = put.item();
            upsert.setString(1, item.pk());
            upsert.setString(2, item.sk());
            upsert.setString(3, item.type());
            upsert.setLong(4, item.version());
            upsert.setString(5, item.gsi1pk());
            upsert.setString(6, item.gsi1sk());
            upsert.setString(7, item.gsi2pk());
            upsert.setString(8, item.gsi2sk());
            if (item.expiresAt() == null) {
                upsert.setNull(9, java.sql.Types.INTEGER);
            } else {
                upsert.setLong(9, item.expiresAt());
            }
            upsert.setString(10, item.data());
            upsert.executeUpdate();
        } else if (write instanceof Write.Delete delete) {
            remove.setString(1, delete.key().pk());
            remove.setString(2, delete.key().sk());
            remove.executeUpdate();
        }
    }

    private static boolean holds(Condition condition, Optional<Item> current) {
        if (condition instanceof Condition.None) {
            return true;
        }
        if (condition instanceof Condition.NotExists) {
            return current.isEmpty();
        }
        if (condition instanceof Condition.Exists) {
            return current.isPresent();
        }
        long expected = ((Condition.VersionIs) condition).version();
        return current.isPresent() && current.get().version() == expected;
    }

    private static String describe(Write write) {
        return "condition " + write.condition() + " failed on " + write.key();
    }

    @Override
    public Page<Item> query(Query query) {
        SqlQuery sql = SqlQuery.of(query);
        roundTrips.incrementAndGet();
        lock.lock();
        try (PreparedStatement ps = connection.prepareStatement(sql.text())) {
            sql.bind(ps);
            List<Item> items = new ArrayList<>(query.limit() + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(item(rs));
                }
            }
            if (items.size() <= query.limit()) {
                return new Page<>(items, null);
            }
            List<Item> page = items.subList(0, query.limit());
            return new Page<>(page, SqlQuery.tokenAfter(query, page.get(page.size() - 1)));
        } catch (SQLException e) {
            throw new StoreException("query " + query.index() + " " + query.pk(), e);
        } finally {
            lock.unlock();
        }
    }

    private Optional<Item> read(Key key) throws SQLException {
        select.setString(1, key.pk());
        select.setString(2, key.sk());
        try (ResultSet rs = select.executeQuery()) {
            return rs.next() ? Optional.of(item(rs)) : Optional.empty();
        }
    }

    private static Item item(ResultSet rs) throws SQLException {
        long expires = rs.getLong(9);
        Long expiresAt = rs.wasNull() ? null : expires;
        return new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), expiresAt, rs.getString(10));
    }

    @Override
    public long roundTrips() {
        return roundTrips.get();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("close", e);
        } finally {
            lock.unlock();
        }
    }

    /** Rejects a token early, before any SQL runs. */
    static InvalidPageTokenException invalidToken() {
        return new InvalidPageTokenException("nextToken is not valid for this query");
    }
}
