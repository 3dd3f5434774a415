package com.lakesail.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.domain.IdempotencyKeyReusedException;
import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.service.Idempotency;
import com.lakesail.backend.service.TokenSecrets;
import com.lakesail.backend.store.Keys;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on creates. A key is scoped to the caller (or to sign-up) and kept 24 h. The
 * record holds a fingerprint of the request (method, path and canonical JSON body) and the first
 * response, with secrets left out: a replay shows the same resource, but a token's secret only once.
 */
final class IdempotencyGate {
    static final Duration RETENTION = Duration.ofHours(24);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    /** Neither whitespace nor the order of an object's fields is part of a request's meaning. */
    private static final ObjectWriter CANONICAL = Json.MAPPER.writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);

    private final Store store;
    private final Clock clock;

    IdempotencyGate(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A request carrying a key, ready to look up or record. */
    record Keyed(String scope, String key, String fingerprint) {
    }

    static Keyed keyed(String header, String scope, ApiRequest request) {
        if (!KEY.matcher(header).matches()) {
            throw ValidationException.of("Idempotency-Key", "must be 1 to 128 characters of A-Z a-z 0-9 . _ : -");
        }
        String canonical;
        try {
            canonical = request.body() == null || request.body().isBlank() ? "" : CANONICAL.writeValueAsString(Json.MAPPER.readTree(request.body()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            canonical = request.body();
        }
        return new Keyed(scope, header, TokenSecrets.hash(request.method() + " " + request.path() + "\n" + canonical));
    }

    /**
     * What the store holds for a key: a live record to replay, or an expired one that TTL has not
     * deleted yet (the new record replaces it), or nothing.
     */
    record Lookup(Optional<ApiResponse> replay, Optional<Item> expired) {
    }

    /**
     * @throws IdempotencyKeyReusedException when the key was used with another request
     */
    Lookup lookup(Keyed keyed) {
        Optional<Item> item = store.get(Keys.idempotency(keyed.scope(), keyed.key()));
        if (item.isEmpty() || item.get().expiredAt(clock.instant().getEpochSecond())) {
            return new Lookup(Optional.empty(), item);
        }
        JsonNode record = readRecord(item.get());
        if (!record.path("fingerprint").asText().equals(keyed.fingerprint())) {
            throw new IdempotencyKeyReusedException("Idempotency-Key " + keyed.key() + " was already used with a different request");
        }
        return new Lookup(Optional.of(ApiResponse.json(record.path("status").asInt(), record.path("body").asText())
                .withHeader("Idempotent-Replayed", "true")), Optional.empty());
    }

    /** Records the first result in the create's own transaction. */
    Idempotency recorder(Keyed keyed, int status, Optional<Item> expired) {
        Condition condition = expired.map(i -> Condition.versionIs(i.version())).orElse(Condition.notExists());
        long version = expired.map(i -> i.version() + 1).orElse(1L);
        return result -> {
            ObjectNode record = Json.object().put("fingerprint", keyed.fingerprint()).put("status", status)
                    .put("body", Json.write(Views.render(result, false)));
            long expiresAt = clock.instant().plus(RETENTION).getEpochSecond();
            Item item = Item.builder().key(Keys.idempotency(keyed.scope(), keyed.key())).type("IdempotencyRecord")
                    .version(version).expiresAt(expiresAt).data(Json.write(record)).build();
            return List.of(Write.put(item, condition));
        };
    }

    private static JsonNode readRecord(Item item) {
        try {
            return Json.MAPPER.readTree(item.data());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("corrupt idempotency record " + item.key(), e);
        }
    }
}
