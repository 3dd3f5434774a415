package com.lakesail.backend.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lakesail.backend.port.InvalidPageTokenException;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Query;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageTokensTest {

    private static final Query QUERY = Query.partition(Query.Index.GSI1, "USER#u", "ORG#", 10, null);
    private static final Item ITEM = Item.builder().pk("ORG#o").sk("MEMBER#m").type("Member")
            .gsi1("USER#u", "ORG#2024").build();

    @Test
    void decode_whenTokenIssuedForTheSameQuery_returnsTheStartKey() {
        String token = PageTokens.encode(QUERY, PageTokens.keyAfter(Query.Index.GSI1, ITEM));

        Map<String, String> key = PageTokens.decode(page(QUERY, token));

        assertEquals(Map.of("gsi1pk", "USER#u", "gsi1sk", "ORG#2024", "pk", "ORG#o", "sk", "MEMBER#m"), key);
    }

    @Test
    void decode_whenPrefixOrDirectionDiffers_throwsInvalidPageToken() {
        String token = PageTokens.encode(QUERY, PageTokens.keyAfter(Query.Index.GSI1, ITEM));

        assertThrows(InvalidPageTokenException.class,
                () -> PageTokens.decode(Query.partition(Query.Index.GSI1, "USER#u", "ORG#2", 10, token)));
        assertThrows(InvalidPageTokenException.class, () -> PageTokens.decode(page(QUERY, token).descending(true)));
    }

    @Test
    void decode_whenStartKeyLiesOutsideTheQuery_throwsInvalidPageToken() {
        Item elsewhere = ITEM.toBuilder().gsi1("USER#other", "ORG#2024").build();
        Item outsidePrefix = ITEM.toBuilder().gsi1("USER#u", "INVITE#1").build();

        for (Item item : new Item[] {elsewhere, outsidePrefix}) {
            String forged = PageTokens.encode(QUERY, PageTokens.keyAfter(Query.Index.GSI1, item));
            assertThrows(InvalidPageTokenException.class, () -> PageTokens.decode(page(QUERY, forged)), item.gsi1sk());
        }
    }

    @Test
    void decode_whenStartKeyHasWrongAttributes_throwsInvalidPageToken() {
        String tableKey = PageTokens.encode(QUERY, Map.of("pk", "USER#u", "sk", "ORG#1"));

        assertThrows(InvalidPageTokenException.class, () -> PageTokens.decode(page(QUERY, tableKey)));
    }

    @Test
    void decode_whenAStartKeyValueIsEmpty_throwsInvalidPageToken() {
        String forged = PageTokens.encode(QUERY, Map.of("gsi1pk", "USER#u", "gsi1sk", "ORG#2024", "pk", "", "sk", ""));

        assertThrows(InvalidPageTokenException.class, () -> PageTokens.decode(page(QUERY, forged)));
    }

    private static Query page(Query query, String token) {
        return new Query(query.index(), query.pk(), query.skPrefix(), query.limit(), token, query.descending());
    }
}
