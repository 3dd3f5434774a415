package com.lakesail.backend.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Store} adapter must have. A subclass supplies a fresh, empty store per
 * test; the DynamoDB adapter runs this suite against dynalite and LocalStack, the SQLite adapter (module
 * {@code local}, through this module's test-jar) in memory and on a file.
 */
public abstract class StoreContractTest {

    private static final String ORG_A = "ORG#org_a";
    private static final String ORG_B = "ORG#org_b";
    private static final Query.Index[] INDEXES = Query.Index.values();

    protected Store store;
    private ExecutorService threads;

    /** A new store over empty storage. Called before every test. */
    protected abstract Store createStore();

    /**
     * Whether this run can observe the atomicity and isolation of concurrent transactions. Only a run
     * against a test double that is known not to be atomic answers false, and says so where it does.
     */
    protected boolean provesTransactionIsolation() {
        return true;
    }

    @BeforeEach
    void setUpStore() {
        store = createStore();
        threads = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS), "worker threads did not stop");
    }

    // ---------------------------------------------------------------- get and put

    @Test
    void get_whenTheKeyIsLongerThanAnyStoreAccepts_returnsEmpty() {
        // Ids arrive from requests; one too long to be a key of any item is absent, not an error.
        String longPart = "x".repeat(3000);
        assertEquals(Optional.empty(), store.get(Key.of("ORG#" + longPart, "ORG")));
        assertEquals(Optional.empty(), store.get(Key.of("ORG#a", "CLUSTER#" + longPart)));
        assertEquals(List.of(), store.query(Query.partition(Query.Index.TABLE, "ORG#" + longPart, "", 10, null)).items());
        assertEquals(List.of(), store.query(Query.partition(Query.Index.GSI1, "ORG#" + longPart, "", 10, null)).items());
    }

    @Test
    void get_whenItemMissing_returnsEmpty() {
        assertEquals(Optional.empty(), store.get(Key.of(ORG_A, "MISSING")));
    }

    @Test
    void put_whenEveryAttributeIsSet_roundTripsThemAll() {
        Item item = Item.builder().pk(ORG_A).sk("ORG").type("Organization").version(7)
                .gsi1("USER#u1", "ORG#2024-01-01").gsi2("NAME#acme", "ORG#org_a")
                .expiresAt(1_900_000_000L).data("{\"name\":\"Åcme \\\"quoted\\\" ✓\",\"n\":[1,2]}").build();

        store.put(item, Condition.none());

        assertEquals(Optional.of(item), store.get(item.key()));
    }

    @Test
    void put_whenTheBodyIsNearTheItemSizeLimit_roundTripsIt() {
        // A run's result preview and a log chunk are stored as items of up to ~300 KB (DynamoDB allows 400 KB).
        String big = "{\"rows\":\"" + "é✓x".repeat(40_000) + "\"}";
        Item item = item(ORG_A, "JOBRUNRESULT#jrn_1").data(big).build();

        store.put(item, Condition.none());

        assertEquals(Optional.of(item), store.get(item.key()));
    }

    @Test
    void put_whenOptionalAttributesAreNull_roundTripsTheNulls() {
        Item item = new Item(ORG_A, "ORG", "Organization", 1, null, null, null, null, null, null);

        store.put(item, Condition.none());

        assertEquals(Optional.of(item), store.get(item.key()));
    }

    @Test
    void put_whenKeysConcatenateAlike_keepsItemsDistinct() {
        Item first = item("A#B", "C").data("{\"n\":1}").build();
        Item second = item("A", "B#C").data("{\"n\":2}").build();
        Item third = item("A#", "B#C").data("{\"n\":3}").build();

        store.put(first, Condition.notExists());
        store.put(second, Condition.notExists());
        store.put(third, Condition.notExists());

        assertEquals(Optional.of(first), store.get(first.key()));
        assertEquals(Optional.of(second), store.get(second.key()));
        assertEquals(Optional.of(third), store.get(third.key()));
    }

    @Test
    void put_whenConditionNoneAndItemExists_replacesWholeItem() {
        store.put(item(ORG_A, "T").gsi1("G1", "S1").gsi2("G2", "S2").expiresAt(5L).build(), Condition.none());
        Item replacement = item(ORG_A, "T").version(2).data("{\"v\":2}").build();

        store.put(replacement, Condition.none());

        assertEquals(Optional.of(replacement), store.get(replacement.key()));
        assertEquals(List.of(), store.query(Query.partition(Query.Index.GSI1, "G1", "", 10, null)).items());
        assertEquals(List.of(), store.query(Query.partition(Query.Index.GSI2, "G2", "", 10, null)).items());
    }

    @Test
    void put_whenNotExistsAndItemMissing_writesIt() {
        Item item = item(ORG_A, "T").build();

        store.put(item, Condition.notExists());

        assertEquals(Optional.of(item), store.get(item.key()));
    }

    @Test
    void put_whenNotExistsAndItemExists_throwsConditionFailedAndKeepsItem() {
        Item original = item(ORG_A, "T").data("{\"v\":1}").build();
        store.put(original, Condition.none());

        assertThrows(ConditionFailedException.class,
                () -> store.put(item(ORG_A, "T").data("{\"v\":2}").build(), Condition.notExists()));

        assertEquals(Optional.of(original), store.get(original.key()));
    }

    @Test
    void put_whenExistsAndItemMissing_throwsConditionFailedAndWritesNothing() {
        assertThrows(ConditionFailedException.class, () -> store.put(item(ORG_A, "T").build(), Condition.exists()));

        assertEquals(Optional.empty(), store.get(Key.of(ORG_A, "T")));
    }

    @Test
    void put_whenExistsAndItemPresent_replacesIt() {
        store.put(item(ORG_A, "T").version(3).build(), Condition.none());
        Item replacement = item(ORG_A, "T").version(9).data("{\"v\":9}").build();

        store.put(replacement, Condition.exists());

        assertEquals(Optional.of(replacement), store.get(replacement.key()));
    }

    @Test
    void put_whenVersionMatches_replacesIt() {
        store.put(item(ORG_A, "T").version(1).build(), Condition.notExists());
        Item next = item(ORG_A, "T").version(2).data("{\"v\":2}").build();

        store.put(next, Condition.versionIs(1));

        assertEquals(Optional.of(next), store.get(next.key()));
    }

    @Test
    void put_whenVersionIsStale_throwsConditionFailedAndKeepsItem() {
        Item current = item(ORG_A, "T").version(2).build();
        store.put(current, Condition.none());

        assertThrows(ConditionFailedException.class,
                () -> store.put(item(ORG_A, "T").version(2).data("{\"lost\":true}").build(), Condition.versionIs(1)));

        assertEquals(Optional.of(current), store.get(current.key()));
    }

    @Test
    void put_whenVersionIsAndItemMissing_throwsConditionFailedAndWritesNothing() {
        assertThrows(ConditionFailedException.class,
                () -> store.put(item(ORG_A, "T").version(2).build(), Condition.versionIs(1)));

        assertEquals(Optional.empty(), store.get(Key.of(ORG_A, "T")));
    }

    // ---------------------------------------------------------------- delete

    @Test
    void delete_whenConditionNone_removesItem() {
        store.put(item(ORG_A, "T").build(), Condition.none());

        store.delete(Key.of(ORG_A, "T"), Condition.none());

        assertEquals(Optional.empty(), store.get(Key.of(ORG_A, "T")));
    }

    @Test
    void delete_whenConditionNoneAndItemMissing_succeeds() {
        store.delete(Key.of(ORG_A, "T"), Condition.none());

        assertEquals(Optional.empty(), store.get(Key.of(ORG_A, "T")));
    }

    @Test
    void delete_whenExistsAndItemMissing_throwsConditionFailed() {
        assertThrows(ConditionFailedException.class, () -> store.delete(Key.of(ORG_A, "T"), Condition.exists()));
    }

    @Test
    void delete_whenExistsAndItemPresent_removesItem() {
        store.put(item(ORG_A, "T").build(), Condition.none());

        store.delete(Key.of(ORG_A, "T"), Condition.exists());

        assertEquals(Optional.empty(), store.get(Key.of(ORG_A, "T")));
    }

    @Test
    void delete_whenVersionMatches_removesItem() {
        store.put(item(ORG_A, "T").version(4).build(), Condition.none());

        store.delete(Key.of(ORG_A, "T"), Condition.versionIs(4));

        assertEquals(Optional.empty(), store.get(Key.of(ORG_A, "T")));
    }

    @Test
    void delete_whenVersionIsStale_throwsConditionFailedAndKeepsItem() {
        Item current = item(ORG_A, "T").version(4).build();
        store.put(current, Condition.none());

        assertThrows(ConditionFailedException.class, () -> store.delete(current.key(), Condition.versionIs(3)));

        assertEquals(Optional.of(current), store.get(current.key()));
    }

    @Test
    void delete_whenVersionIsAndItemMissing_throwsConditionFailed() {
        assertThrows(ConditionFailedException.class, () -> store.delete(Key.of(ORG_A, "T"), Condition.versionIs(1)));
    }

    // ---------------------------------------------------------------- races

    @Test
    void put_whenThreadsRaceToCreateOneItem_exactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            String sk = "RACE#" + round;
            List<Boolean> outcomes = race(8, thread -> {
                store.put(item(ORG_A, sk).data("{\"winner\":" + thread + "}").build(), Condition.notExists());
            });

            assertEquals(1, outcomes.stream().filter(won -> won).count(), "winners of round " + round);
        }
    }

    @Test
    void put_whenThreadsRaceOnOneVersion_exactlyOneWinsPerVersion() throws Exception {
        store.put(item(ORG_A, "T").version(1).build(), Condition.notExists());
        for (long version = 1; version <= 10; version++) {
            long expected = version;
            List<Boolean> outcomes = race(8, thread -> store.put(
                    item(ORG_A, "T").version(expected + 1).data("{\"winner\":" + thread + "}").build(),
                    Condition.versionIs(expected)));

            assertEquals(1, outcomes.stream().filter(won -> won).count(), "winners at version " + version);
            assertEquals(expected + 1, store.get(Key.of(ORG_A, "T")).orElseThrow().version());
        }
    }

    @Test
    void put_whenEightThreadsIncrementWithVersionLock_loseNoUpdate() throws Exception {
        int incrementsPerThread = 15;
        store.put(counter(ORG_A, "COUNTER", 1, 0), Condition.notExists());
        AtomicInteger conflicts = new AtomicInteger();

        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            workers.add(threads.submit(() -> {
                for (int i = 0; i < incrementsPerThread; i++) {
                    while (true) {
                        Item read = store.get(Key.of(ORG_A, "COUNTER")).orElseThrow();
                        try {
                            store.put(counter(ORG_A, "COUNTER", read.version() + 1, count(read) + 1),
                                    Condition.versionIs(read.version()));
                            break;
                        } catch (ConditionFailedException lostRace) {
                            conflicts.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(2, TimeUnit.MINUTES);
        }

        Item end = store.get(Key.of(ORG_A, "COUNTER")).orElseThrow();
        assertEquals(8 * incrementsPerThread, count(end), "increments (after " + conflicts + " conflicts)");
        assertEquals(1 + 8 * incrementsPerThread, end.version());
    }

    // ---------------------------------------------------------------- query

    @Test
    void query_whenPrefixGiven_returnsOnlyMatchingSortKeysInAscendingOrder() {
        for (String sk : List.of("TEAM#b", "USER#2", "TEAM#a", "TEAMS", "TEA", "USER#1", "TEAM#c")) {
            store.put(item(ORG_A, sk).build(), Condition.none());
        }

        Page<Item> page = store.query(Query.partition(Query.Index.TABLE, ORG_A, "TEAM#", 10, null));

        assertEquals(List.of("TEAM#a", "TEAM#b", "TEAM#c"), sortKeys(page.items()));
        assertNull(page.nextToken());
    }

    @Test
    void query_whenSortKeysGoOnWithAnyCharacter_matchesEveryOneWithThePrefix() {
        // Names are user text: a prefix match must not stop at U+FFFF or skip characters beyond the BMP.
        List<String> matching = List.of("NAME#a", "NAME#é", "NAME#\uffff", "NAME#\uffffz", "NAME#😀", "NAME#😀x");
        for (String sk : matching) {
            store.put(item(ORG_A, sk).gsi1(ORG_A, sk).build(), Condition.none());
        }
        for (String sk : List.of("NAME", "NAMF#", "NAMe#")) {
            store.put(item(ORG_A, sk).gsi1(ORG_A, sk).build(), Condition.none());
        }

        for (Query.Index index : List.of(Query.Index.TABLE, Query.Index.GSI1)) {
            List<Item> found = queryAll(Query.partition(index, ORG_A, "NAME#", 2, null));

            assertEquals(Set.copyOf(matching), Set.copyOf(sortKeys(found)), index.name());
            assertEquals(matching.size(), found.size(), index.name());
        }
    }

    @Test
    void query_whenPrefixEmpty_returnsWholePartition() {
        for (String sk : List.of("B", "A", "C")) {
            store.put(item(ORG_A, sk).build(), Condition.none());
        }

        Page<Item> page = store.query(Query.partition(Query.Index.TABLE, ORG_A, "", 10, null));

        assertEquals(List.of("A", "B", "C"), sortKeys(page.items()));
    }

    @Test
    void query_whenDescending_returnsReverseSortKeyOrder() {
        for (String sk : List.of("RUN#2024-02", "RUN#2024-03", "RUN#2024-01", "X")) {
            store.put(item(ORG_A, sk).build(), Condition.none());
        }

        Page<Item> page = store.query(Query.partition(Query.Index.TABLE, ORG_A, "RUN#", 10, null).descending(true));

        assertEquals(List.of("RUN#2024-03", "RUN#2024-02", "RUN#2024-01"), sortKeys(page.items()));
    }

    @Test
    void query_whenDescendingWithLimitOne_returnsOnlyTheLastOfThePrefixAndATokenForMore() {
        // How a run's log finds its newest chunk: numbered sort keys under the run's prefix.
        for (String sk : List.of("LOG#a#0000000001", "LOG#a#0000000002", "LOG#a#0000000010", "LOG#b#0000000099", "LOH#")) {
            store.put(item(ORG_A, sk).build(), Condition.none());
        }

        Page<Item> page = store.query(Query.partition(Query.Index.TABLE, ORG_A, "LOG#a#", 1, null).descending(true));

        assertEquals(List.of("LOG#a#0000000010"), sortKeys(page.items()));
        assertNotNull(page.nextToken());
        Page<Item> rest = store.query(Query.partition(Query.Index.TABLE, ORG_A, "LOG#a#", 10, page.nextToken())
                .descending(true));
        assertEquals(List.of("LOG#a#0000000002", "LOG#a#0000000001"), sortKeys(rest.items()));
    }

    @Test
    void query_whenMatchesAreFewerThanLimit_returnsAllWithoutToken() {
        store.put(item(ORG_A, "A").build(), Condition.none());
        store.put(item(ORG_A, "B").build(), Condition.none());

        Page<Item> page = store.query(Query.partition(Query.Index.TABLE, ORG_A, "", 1000, null));

        assertEquals(2, page.items().size());
        assertNull(page.nextToken());
    }

    @Test
    void query_whenPartitionEmpty_returnsEmptyPageWithoutToken() {
        Page<Item> page = store.query(Query.partition(Query.Index.GSI1, "NOBODY", "", 10, null));

        assertEquals(List.of(), page.items());
        assertNull(page.nextToken());
    }

    @Test
    void query_onGsi1_findsItemsOfManyPartitionsByIndexKeysInOrder() {
        store.put(item(ORG_A, "MEMBER#1").gsi1("USER#u1", "ORG#2024-03").build(), Condition.none());
        store.put(item(ORG_B, "MEMBER#9").gsi1("USER#u1", "ORG#2024-01").build(), Condition.none());
        store.put(item("ORG#org_c", "MEMBER#5").gsi1("USER#u1", "INVITE#2024-02").build(), Condition.none());
        store.put(item("ORG#org_d", "MEMBER#5").gsi1("USER#u2", "ORG#2024-02").build(), Condition.none());
        store.put(item("ORG#org_e", "MEMBER#5").build(), Condition.none());

        Page<Item> ascending = store.query(Query.partition(Query.Index.GSI1, "USER#u1", "ORG#", 10, null));
        Page<Item> descending = store.query(Query.partition(Query.Index.GSI1, "USER#u1", "", 10, null).descending(true));

        assertEquals(List.of(ORG_B, ORG_A), partitionKeys(ascending.items()));
        assertEquals(List.of(ORG_A, ORG_B, "ORG#org_c"), partitionKeys(descending.items()));
        assertEquals(new Item(ORG_A, "MEMBER#1", "Thing", 1, "USER#u1", "ORG#2024-03", null, null, null, "{}"),
                ascending.items().get(1), "a GSI query returns whole items");
    }

    @Test
    void query_onGsi2_findsItemsByIndexKeysInOrder() {
        store.put(item(ORG_A, "CLUSTER#1").gsi2("ORG#org_a#NAME", "prod").build(), Condition.none());
        store.put(item(ORG_A, "CLUSTER#2").gsi2("ORG#org_a#NAME", "dev").build(), Condition.none());
        store.put(item(ORG_A, "CLUSTER#3").gsi1("ORG#org_a#NAME", "test").build(), Condition.none());

        Page<Item> page = store.query(Query.partition(Query.Index.GSI2, "ORG#org_a#NAME", "", 10, null));
        Page<Item> prefixed = store.query(Query.partition(Query.Index.GSI2, "ORG#org_a#NAME", "pr", 10, null));

        assertEquals(List.of("CLUSTER#2", "CLUSTER#1"), sortKeys(page.items()));
        assertEquals(List.of("CLUSTER#1"), sortKeys(prefixed.items()));
    }

    @Test
    void query_whenOtherPartitionsSharePrefix_neverReturnsTheirItems() {
        for (String pk : List.of(ORG_A, ORG_A + "x", ORG_A + "#", "ORG#org", "ORG#org_", ORG_B)) {
            for (int i = 0; i < 3; i++) {
                String gsiKey = "G#" + pk;
                store.put(item(pk, "ITEM#" + i).gsi1(gsiKey, "ITEM#" + i).gsi2(gsiKey, "ITEM#" + i).build(),
                        Condition.none());
            }
        }

        for (Query.Index index : INDEXES) {
            String pk = index == Query.Index.TABLE ? ORG_A : "G#" + ORG_A;
            for (String prefix : List.of("", "ITEM#", "ITEM#1")) {
                List<Item> found = queryAll(Query.partition(index, pk, prefix, 1, null));

                assertTrue(!found.isEmpty(), index + " " + prefix);
                assertEquals(Set.of(ORG_A), Set.copyOf(partitionKeys(found)), index + " " + prefix);
            }
        }
    }

    @Test
    void query_whenPagingTwoHundredFiftyItemsBySeven_returnsEachOnceInOrder() {
        List<String> sortKeys = IntStream.range(0, 250).mapToObj(i -> String.format("ITEM#%04d", i)).toList();
        List<String> shuffled = new ArrayList<>(sortKeys);
        Collections.shuffle(shuffled, new Random(42));
        for (String sk : shuffled) {
            store.put(item(ORG_A, sk).gsi1("G1", sk).gsi2("G2", sk).build(), Condition.none());
        }
        store.put(item(ORG_A, "OTHER").build(), Condition.none());

        for (Query.Index index : INDEXES) {
            String pk = switch (index) {
                case TABLE -> ORG_A;
                case GSI1 -> "G1";
                case GSI2 -> "G2";
            };
            List<Page<Item>> pages = queryPages(Query.partition(index, pk, "ITEM#", 7, null));

            assertEquals(36, pages.size(), index + " pages");
            pages.subList(0, 35).forEach(page -> assertEquals(7, page.items().size(), index + " page size"));
            assertEquals(5, pages.get(35).items().size(), index + " last page size");
            assertEquals(sortKeys, sortKeys(pages.stream().flatMap(p -> p.items().stream()).toList()), index.name());

            List<String> backwards = sortKeys(queryAll(Query.partition(index, pk, "ITEM#", 7, null).descending(true)));
            List<String> reversed = new ArrayList<>(sortKeys);
            Collections.reverse(reversed);
            assertEquals(reversed, backwards, index + " descending");
        }
    }

    @Test
    void query_whenGsiSortKeysTie_pagesThroughEachItemOnce() {
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            String pk = "ORG#org_" + (i % 5);
            String sk = "JOB#" + i;
            store.put(item(pk, sk).gsi1("STATUS#running", "P" + (i % 3)).build(), Condition.none());
            expected.add(pk + "/" + sk);
        }

        List<Item> found = queryAll(Query.partition(Query.Index.GSI1, "STATUS#running", "", 3, null));

        List<String> keys = found.stream().map(item -> item.pk() + "/" + item.sk()).toList();
        assertEquals(40, keys.size(), "items returned");
        assertEquals(expected, Set.copyOf(keys));
        List<String> gsiSortKeys = found.stream().map(Item::gsi1sk).toList();
        assertEquals(gsiSortKeys.stream().sorted().toList(), gsiSortKeys, "index sort key order");
    }

    @Test
    void query_whenLastPageIsExactlyFull_returnsNoNextToken() {
        for (int i = 0; i < 21; i++) {
            store.put(item(ORG_A, String.format("ITEM#%02d", i)).build(), Condition.none());
        }

        List<Page<Item>> pages = queryPages(Query.partition(Query.Index.TABLE, ORG_A, "", 7, null));

        assertEquals(3, pages.size(), "pages");
        assertEquals(List.of(7, 7, 7), pages.stream().map(p -> p.items().size()).toList());
    }

    @Test
    void query_whenPageTokenIsGarbage_throwsInvalidPageToken() {
        store.put(item(ORG_A, "A").build(), Condition.none());

        for (String token : List.of("x", "not a token!", "eyJ2IjoxfQ", "AAAA", "{}", "null", "e30")) {
            assertThrows(InvalidPageTokenException.class,
                    () -> store.query(Query.partition(Query.Index.TABLE, ORG_A, "", 10, token)), token);
        }
    }

    @Test
    void query_whenPageTokenComesFromAnotherPartition_throwsInvalidPageToken() {
        for (int i = 0; i < 3; i++) {
            store.put(item(ORG_A, "ITEM#" + i).build(), Condition.none());
            store.put(item(ORG_B, "ITEM#" + i).build(), Condition.none());
        }
        String tokenOfA = store.query(Query.partition(Query.Index.TABLE, ORG_A, "", 1, null)).nextToken();
        assertNotNull(tokenOfA);

        assertThrows(InvalidPageTokenException.class,
                () -> store.query(Query.partition(Query.Index.TABLE, ORG_B, "", 1, tokenOfA)));
    }

    @Test
    void query_whenPageTokenComesFromAnotherIndex_throwsInvalidPageToken() {
        for (int i = 0; i < 3; i++) {
            store.put(item(ORG_A, "ITEM#" + i).gsi1(ORG_A, "ITEM#" + i).gsi2(ORG_A, "ITEM#" + i).build(), Condition.none());
        }

        for (Query.Index issuer : INDEXES) {
            String token = store.query(Query.partition(issuer, ORG_A, "", 1, null)).nextToken();
            assertNotNull(token, issuer.name());
            for (Query.Index other : INDEXES) {
                if (other != issuer) {
                    assertThrows(InvalidPageTokenException.class,
                            () -> store.query(Query.partition(other, ORG_A, "", 1, token)), issuer + " → " + other);
                }
            }
        }
    }

    // ---------------------------------------------------------------- transactions

    @Test
    void transact_whenEveryConditionHolds_appliesEveryWrite() {
        store.put(item(ORG_A, "UPDATED").version(3).build(), Condition.none());
        store.put(item(ORG_A, "DELETED").version(5).build(), Condition.none());
        store.put(item(ORG_A, "CHECKED").version(8).build(), Condition.none());
        Item created = item(ORG_A, "CREATED").gsi1("G1", "x").build();
        Item updated = item(ORG_A, "UPDATED").version(4).data("{\"v\":4}").build();

        store.transact(List.of(
                Write.put(created, Condition.notExists()),
                Write.put(updated, Condition.versionIs(3)),
                Write.delete(Key.of(ORG_A, "DELETED"), Condition.versionIs(5)),
                Write.check(Key.of(ORG_A, "CHECKED"), Condition.versionIs(8))));

        assertEquals(Optional.of(created), store.get(created.key()));
        assertEquals(Optional.of(updated), store.get(updated.key()));
        assertEquals(Optional.empty(), store.get(Key.of(ORG_A, "DELETED")));
        assertEquals(8, store.get(Key.of(ORG_A, "CHECKED")).orElseThrow().version());
        assertEquals(List.of(created), store.query(Query.partition(Query.Index.GSI1, "G1", "", 10, null)).items());
    }

    @Test
    void transact_whenACheckFails_writesNothingAndNamesTheCheck() {
        store.put(item(ORG_A, "UPDATED").version(3).build(), Condition.none());

        ConditionFailedException failure = assertThrows(ConditionFailedException.class, () -> store.transact(List.of(
                Write.put(item(ORG_A, "CREATED").build(), Condition.notExists()),
                Write.put(item(ORG_A, "UPDATED").version(4).build(), Condition.versionIs(3)),
                Write.check(Key.of(ORG_A, "PARENT"), Condition.exists()))));

        assertEquals(OptionalInt.of(2), failure.failedWrite());
        assertEquals(Optional.empty(), store.get(Key.of(ORG_A, "CREATED")));
        assertEquals(3, store.get(Key.of(ORG_A, "UPDATED")).orElseThrow().version());
    }

    @Test
    void transact_whenAPutConditionFails_writesNothingAndNamesThePut() {
        Item taken = item(ORG_A, "NAME#prod").data("{\"owner\":\"first\"}").build();
        store.put(taken, Condition.none());
        store.put(item(ORG_A, "DELETED").version(2).build(), Condition.none());

        ConditionFailedException failure = assertThrows(ConditionFailedException.class, () -> store.transact(List.of(
                Write.delete(Key.of(ORG_A, "DELETED"), Condition.versionIs(2)),
                Write.put(item(ORG_A, "CLUSTER#c2").build(), Condition.notExists()),
                Write.put(item(ORG_A, "NAME#prod").data("{\"owner\":\"second\"}").build(), Condition.notExists()),
                Write.put(item(ORG_A, "AUDIT#1").build(), Condition.none()))));

        assertEquals(OptionalInt.of(2), failure.failedWrite());
        assertEquals(Optional.of(taken), store.get(taken.key()));
        assertTrue(store.get(Key.of(ORG_A, "DELETED")).isPresent(), "the delete was rolled back");
        assertEquals(Optional.empty(), store.get(Key.of(ORG_A, "CLUSTER#c2")));
        assertEquals(Optional.empty(), store.get(Key.of(ORG_A, "AUDIT#1")));
    }

    @Test
    void transact_whenADeleteConditionFails_writesNothingAndNamesTheDelete() {
        store.put(item(ORG_A, "MEMBER#1").version(6).build(), Condition.none());

        ConditionFailedException failure = assertThrows(ConditionFailedException.class, () -> store.transact(List.of(
                Write.put(item(ORG_A, "AUDIT#1").build(), Condition.notExists()),
                Write.delete(Key.of(ORG_A, "MEMBER#1"), Condition.versionIs(5)))));

        assertEquals(OptionalInt.of(1), failure.failedWrite());
        assertEquals(6, store.get(Key.of(ORG_A, "MEMBER#1")).orElseThrow().version());
        assertEquals(Optional.empty(), store.get(Key.of(ORG_A, "AUDIT#1")));
    }

    @Test
    void transact_whenHoldingTheMaximumOfWrites_appliesThemAll() {
        List<Write> writes = IntStream.range(0, Store.MAX_TRANSACTION_WRITES)
                .mapToObj(i -> Write.put(item(ORG_A, String.format("ITEM#%03d", i)).build(), Condition.notExists()))
                .toList();

        store.transact(writes);

        assertEquals(Store.MAX_TRANSACTION_WRITES, queryAll(Query.partition(Query.Index.TABLE, ORG_A, "ITEM#", 1000, null)).size());
    }

    @Test
    void transact_whenOverTheMaximumOfWrites_throwsIllegalArgumentAndWritesNothing() {
        List<Write> writes = IntStream.range(0, Store.MAX_TRANSACTION_WRITES + 1)
                .mapToObj(i -> Write.put(item(ORG_A, String.format("ITEM#%03d", i)).build(), Condition.notExists()))
                .toList();

        assertThrows(IllegalArgumentException.class, () -> store.transact(writes));

        assertEquals(List.of(), store.query(Query.partition(Query.Index.TABLE, ORG_A, "", 10, null)).items());
    }

    @Test
    void transact_whenEmpty_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> store.transact(List.of()));
    }

    @Test
    void transact_whenTwoWritesTouchOneItem_throwsIllegalArgumentAndWritesNothing() {
        List<Write> writes = List.of(
                Write.put(item(ORG_A, "A").build(), Condition.notExists()),
                Write.check(Key.of(ORG_A, "A"), Condition.notExists()));

        assertThrows(IllegalArgumentException.class, () -> store.transact(writes));

        assertEquals(Optional.empty(), store.get(Key.of(ORG_A, "A")));
    }

    @Test
    void transact_whenConcurrentTransfersRace_preservesTheTotal() throws Exception {
        assumeTrue(provesTransactionIsolation(), "this run's TransactWriteItems is known not to be atomic");
        int transfersPerThread = 15;
        store.put(counter(ORG_A, "ACCOUNT#1", 1, 1000), Condition.notExists());
        store.put(counter(ORG_A, "ACCOUNT#2", 1, 0), Condition.notExists());

        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            workers.add(threads.submit(() -> {
                for (int i = 0; i < transfersPerThread; i++) {
                    while (true) {
                        Item from = store.get(Key.of(ORG_A, "ACCOUNT#1")).orElseThrow();
                        Item to = store.get(Key.of(ORG_A, "ACCOUNT#2")).orElseThrow();
                        try {
                            store.transact(List.of(
                                    Write.put(counter(ORG_A, "ACCOUNT#1", from.version() + 1, count(from) - 1),
                                            Condition.versionIs(from.version())),
                                    Write.put(counter(ORG_A, "ACCOUNT#2", to.version() + 1, count(to) + 1),
                                            Condition.versionIs(to.version()))));
                            break;
                        } catch (ConditionFailedException lostRace) {
                            // another transfer committed in between: re-read and try again
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(2, TimeUnit.MINUTES);
        }

        Item from = store.get(Key.of(ORG_A, "ACCOUNT#1")).orElseThrow();
        Item to = store.get(Key.of(ORG_A, "ACCOUNT#2")).orElseThrow();
        assertEquals(1000 - 4 * transfersPerThread, count(from));
        assertEquals(4 * transfersPerThread, count(to));
        assertEquals(from.version(), to.version(), "both items changed in every transfer");
    }

    // ---------------------------------------------------------------- round trips

    @Test
    void roundTrips_whenCalled_countsOnePerGetPutDeleteAndTransact() {
        long start = store.roundTrips();

        store.put(item(ORG_A, "A").build(), Condition.notExists());
        assertEquals(start + 1, store.roundTrips(), "put");
        store.get(Key.of(ORG_A, "A"));
        assertEquals(start + 2, store.roundTrips(), "get");
        store.get(Key.of(ORG_A, "MISSING"));
        assertEquals(start + 3, store.roundTrips(), "get of a missing item");
        assertThrows(ConditionFailedException.class, () -> store.put(item(ORG_A, "A").build(), Condition.notExists()));
        assertEquals(start + 4, store.roundTrips(), "failed put");
        store.transact(List.of(Write.put(item(ORG_A, "B").build(), Condition.notExists()),
                Write.check(Key.of(ORG_A, "A"), Condition.exists())));
        assertEquals(start + 5, store.roundTrips(), "transaction");
        assertThrows(ConditionFailedException.class,
                () -> store.transact(List.of(Write.delete(Key.of(ORG_A, "B"), Condition.versionIs(9)))));
        assertEquals(start + 6, store.roundTrips(), "failed transaction");
        store.delete(Key.of(ORG_A, "A"), Condition.exists());
        assertEquals(start + 7, store.roundTrips(), "delete");
    }

    @Test
    void roundTrips_whenQuerying_countsOnePerPage() {
        for (int i = 0; i < 10; i++) {
            store.put(item(ORG_A, "ITEM#" + i).build(), Condition.none());
        }
        long start = store.roundTrips();

        List<Page<Item>> pages = queryPages(Query.partition(Query.Index.TABLE, ORG_A, "", 4, null));

        assertEquals(3, pages.size());
        assertEquals(start + 3, store.roundTrips());
    }

    // ---------------------------------------------------------------- helpers

    private static Item.Builder item(String pk, String sk) {
        return Item.builder().pk(pk).sk(sk).type("Thing");
    }

    private static Item counter(String pk, String sk, long version, long count) {
        return item(pk, sk).version(version).data("{\"count\":" + count + "}").build();
    }

    private static long count(Item item) {
        String data = item.data();
        return Long.parseLong(data.substring(data.indexOf(':') + 1, data.indexOf('}')));
    }

    private static List<String> sortKeys(List<Item> items) {
        return items.stream().map(Item::sk).toList();
    }

    private static List<String> partitionKeys(List<Item> items) {
        return items.stream().map(Item::pk).toList();
    }

    private List<Page<Item>> queryPages(Query first) {
        List<Page<Item>> pages = new ArrayList<>();
        Query query = first;
        while (true) {
            Page<Item> page = store.query(query);
            pages.add(page);
            if (page.nextToken() == null) {
                return pages;
            }
            assertTrue(pages.size() <= 1000, "paging does not end");
            query = new Query(query.index(), query.pk(), query.skPrefix(), query.limit(), page.nextToken(), query.descending());
        }
    }

    private List<Item> queryAll(Query first) {
        return queryPages(first).stream().flatMap(page -> page.items().stream()).toList();
    }

    @FunctionalInterface
    private interface Attempt {
        void run(int thread);
    }

    /**
     * Runs {@code attempt} on {@code n} threads released at once; each outcome is true for a write
     * that went through and false for a {@link ConditionFailedException}. Anything else fails the test.
     */
    private List<Boolean> race(int n, Attempt attempt) throws Exception {
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            int thread = t;
            Callable<Boolean> task = () -> {
                ready.countDown();
                go.await();
                try {
                    attempt.run(thread);
                    return true;
                } catch (ConditionFailedException lost) {
                    return false;
                }
            };
            outcomes.add(threads.submit(task));
        }
        assertTrue(ready.await(30, TimeUnit.SECONDS), "threads did not start");
        go.countDown();
        List<Boolean> results = new ArrayList<>();
        for (Future<Boolean> outcome : outcomes) {
            results.add(outcome.get(1, TimeUnit.MINUTES));
        }
        return results;
    }
}
