package com.lakesail.backend.testing;

import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.StoreContractTest;

/** The test double obeys the store contract, so unit tests built on it say something about the real adapters. */
class InMemoryStoreContractTest extends StoreContractTest {
    @Override
    protected Store createStore() {
        return new InMemoryStore();
    }
}
