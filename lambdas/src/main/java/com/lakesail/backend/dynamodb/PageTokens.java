package com.lakesail.backend.dynamodb;

import static com.lakesail.backend.dynamodb.DynamoDbTableDefinition.GSI1_PK;
import static com.lakesail.backend.dynamodb.DynamoDbTableDefinition.GSI1_SK;
import static com.lakesail.backend.dynamodb.DynamoDbTableDefinition.GSI2_PK;
import static com.lakesail.backend.dynamodb.DynamoDbTableDefinition.GSI2_SK;
import static com.lakesail.backend.dynamodb.DynamoDbTableDefinition.PK;
import static com.lakesail.backend.dynamodb.DynamoDbTableDefinition.SK;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.port.InvalidPageTokenException;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Query;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Page tokens: url-safe base64 of a small JSON object holding the query the token belongs to
 * (index, partition key, sort-key prefix, direction) and the key to resume after (DynamoDB's
 * {@code ExclusiveStartKey}). A token is only accepted for the query it was issued for, so a client
 * cannot splice one query's position into another. Tokens are not signed: a hand-made token can only
 * name a start key inside the very partition and prefix the caller is already querying, which
 * reveals nothing, and the checks here keep DynamoDB from ever seeing a start key outside the query.
 */
final class PageTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FORMAT = 1;

    private PageTokens() {
    }

    /** The attributes of DynamoDB's LastEvaluatedKey for a query on {@code index}: index key, then table key. */
    static List<String> keyAttributes(Query.Index index) {
        return switch (index) {
            case TABLE -> List.of(PK, SK);
            case GSI1 -> List.of(GSI1_PK, GSI1_SK, PK, SK);
            case GSI2 -> List.of(GSI2_PK, GSI2_SK, PK, SK);
        };
    }

    /** The start key that resumes a query right after {@code item}, as DynamoDB itself would report it. */
    static Map<String, String> keyAfter(Query.Index index, Item item) {
        Map<String, String> key = new LinkedHashMap<>();
        switch (index) {
            case TABLE -> { }
            case GSI1 -> {
                key.put(GSI1_PK, item.gsi1pk());
                key.put(GSI1_SK, item.gsi1sk());
            }
            case GSI2 -> {
                key.put(GSI2_PK, item.gsi2pk());
                key.put(GSI2_SK, item.gsi2sk());
            }
        }
        key.put(PK, item.pk());
        key.put(SK, item.sk());
        return key;
    }

    static String encode(Query query, Map<String, String> startKey) {
        ObjectNode token = JSON.createObjectNode()
                .put("v", FORMAT)
                .put("i", query.index().name())
                .put("p", query.pk())
                .put("s", query.skPrefix())
                .put("d", query.descending());
        ObjectNode key = token.putObject("k");
        startKey.forEach(key::put);
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(token));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize a page token", e);
        }
    }

    /**
     * @return the start key of {@code query.pageToken()}
     * @throws InvalidPageTokenException when the token is malformed or was issued for another query
     */
    static Map<String, String> decode(Query query) {
        JsonNode token = parse(query.pageToken());
        boolean sameQuery = token.path("v").asInt() == FORMAT
                && token.path("i").asText("").equals(query.index().name())
                && token.path("p").asText("").equals(query.pk())
                && token.path("s").asText("").equals(query.skPrefix())
                && token.path("d").isBoolean() && token.path("d").booleanValue() == query.descending();
        if (!sameQuery) {
            throw new InvalidPageTokenException("the page token belongs to another query");
        }
        Map<String, String> key = startKey(token.path("k"), keyAttributes(query.index()));
        List<String> attributes = keyAttributes(query.index());
        if (!key.get(attributes.get(0)).equals(query.pk()) || !key.get(attributes.get(1)).startsWith(query.skPrefix())) {
            throw new InvalidPageTokenException("the page token points outside its query");
        }
        return key;
    }

    private static JsonNode parse(String token) {
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(token));
            if (node == null || !node.isObject()) {
                throw new InvalidPageTokenException("malformed page token");
            }
            return node;
        } catch (IllegalArgumentException | IOException e) {
            throw new InvalidPageTokenException("malformed page token");
        }
    }

    private static Map<String, String> startKey(JsonNode node, List<String> attributes) {
        if (!node.isObject() || node.size() != attributes.size()) {
            throw new InvalidPageTokenException("malformed page token");
        }
        Map<String, String> key = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            // DynamoDB refuses empty key values: a token carrying one cannot be ours.
            if (!attributes.contains(field.getKey()) || !field.getValue().isTextual() || field.getValue().textValue().isEmpty()) {
                throw new InvalidPageTokenException("malformed page token");
            }
            key.put(field.getKey(), field.getValue().textValue());
        }
        return key;
    }
}
