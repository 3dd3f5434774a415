package com.lakesail.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.sdk.exception.SdkClientException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PaginatedTest {
    private final List<String> requestedTokens = new ArrayList<>();

    /** Pages "a,b" then "c" then "d,e" (the last without a token). */
    private Paginated<String> threePages() {
        return Paginated.of(token -> {
            requestedTokens.add(token);
            if (token == null) {
                return new Page<>(List.of("a", "b"), "t1");
            }
            return token.equals("t1") ? new Page<>(List.of("c"), "t2") : new Page<>(List.of("d", "e"), null);
        });
    }

    @Test
    void of_whenNotIterated_fetchesNothing() {
        Paginated<String> list = threePages();
        list.iterator();
        list.stream();
        list.pages();

        assertEquals(List.of(), requestedTokens);
    }

    @Test
    void iterator_whenConsumedItemByItem_fetchesEachPageOnlyWhenReached() {
        Iterator<String> items = threePages().iterator();

        assertEquals("a", items.next());
        assertEquals(Arrays.asList((String) null), requestedTokens);
        assertEquals("b", items.next());
        assertEquals(1, requestedTokens.size());
        assertEquals("c", items.next());
        assertEquals(Arrays.asList(null, "t1"), requestedTokens);
    }

    @Test
    void iterator_whenLastPageHasNoToken_stopsAfterIt() {
        List<String> all = new ArrayList<>();
        threePages().forEach(all::add);

        assertEquals(List.of("a", "b", "c", "d", "e"), all);
        assertEquals(Arrays.asList(null, "t1", "t2"), requestedTokens);
    }

    @Test
    void iterator_whenTokenIsEmptyString_stopsThere() {
        Paginated<String> list = Paginated.of(token -> {
            requestedTokens.add(token);
            return new Page<>(List.of("only"), "");
        });

        assertEquals(List.of("only"), list.stream().collect(Collectors.toList()));
        assertEquals(1, requestedTokens.size());
    }

    @Test
    void iterator_whenAMiddlePageIsEmpty_continuesToTheNext() {
        Paginated<String> list = Paginated.of(token -> token == null
                ? new Page<>(List.of(), "t1") : new Page<>(List.of("x"), null));

        assertEquals(List.of("x"), list.stream().collect(Collectors.toList()));
    }

    @Test
    void iterator_whenExhausted_throwsNoSuchElement() {
        Iterator<String> items = Paginated.of(token -> new Page<String>(List.of(), null)).iterator();

        assertFalse(items.hasNext());
        assertThrows(NoSuchElementException.class, items::next);
    }

    @Test
    void stream_whenShortCircuited_fetchesOnlyNeededPages() {
        assertEquals("a", threePages().stream().findFirst().orElseThrow());
        assertEquals(1, requestedTokens.size());
    }

    @Test
    void pages_whenIterated_yieldsPagesWithTheirTokens() {
        List<String> tokens = new ArrayList<>();
        for (Page<String> page : threePages().pages()) {
            tokens.add(page.nextToken());
        }

        assertEquals(Arrays.asList("t1", "t2", null), tokens);
    }

    @Test
    void iterator_whenIteratedTwice_startsAgainFromFirstPage() {
        Paginated<String> list = threePages();
        list.forEach(item -> { });
        list.forEach(item -> { });

        assertEquals(Arrays.asList(null, "t1", "t2", null, "t1", "t2"), requestedTokens);
    }

    @Test
    void iterator_whenServerRepeatsToken_failsInsteadOfLoopingForever() {
        Paginated<String> list = Paginated.of(token -> new Page<>(List.of("x"), "same"));

        SdkClientException e = assertThrows(SdkClientException.class, () -> list.forEach(item -> { }));

        assertTrue(e.getMessage().contains("same"));
    }
}
