package com.lakesail.sdk.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.lakesail.sdk.identity.ApiToken;
import com.lakesail.sdk.identity.CreatedToken;
import java.io.IOException;

/**
 * On the wire a created token is the token's fields plus {@code secret}, in one object; the model
 * keeps the metadata ({@link ApiToken}) apart from the secret.
 */
final class CreatedTokenDeserializer extends StdDeserializer<CreatedToken> {
    private static final long serialVersionUID = 1L;

    CreatedTokenDeserializer() {
        super(CreatedToken.class);
    }

    @Override
    public CreatedToken deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = context.readTree(parser);
        ApiToken token = context.readTreeAsValue(node, ApiToken.class);
        return new CreatedToken(token, node.path("secret").textValue());
    }
}
