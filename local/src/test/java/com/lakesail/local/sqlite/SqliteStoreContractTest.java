package com.lakesail.local.sqlite;

import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.StoreContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract against SQLite, in memory (as tests and {@code LocalBackend} without a data
 * directory use it) and on a WAL file (as the local backend's data directory does). Transactions here
 * are SQLite's own, so this run proves the atomicity and isolation that the dynalite run cannot.
 */
class SqliteStoreContractTest {

    @Nested
    @DisplayName("SqliteStore in memory")
    class InMemory extends StoreContractTest {
        private SqliteStore sqlite;

        @Override
        protected Store createStore() {
            sqlite = SqliteStore.inMemory();
            return sqlite;
        }

        @AfterEach
        void closeStore() {
            sqlite.close();
        }
    }

    @Nested
    @DisplayName("SqliteStore on a file")
    class OnFile extends StoreContractTest {
        @TempDir
        Path directory;
        private SqliteStore sqlite;

        @Override
        protected Store createStore() {
            sqlite = SqliteStore.open(directory.resolve("store.db"));
            return sqlite;
        }

        @AfterEach
        void closeStore() {
            sqlite.close();
        }
    }
}
