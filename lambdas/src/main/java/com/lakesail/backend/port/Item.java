package com.lakesail.backend.port;

import java.util.Objects;

/**
 * One item of the single table. The attribute set is fixed, so both adapters can use static
 * schemas: keys, the item type, the optimistic-locking version, two generic GSI key pairs, an
 * optional TTL and the entity body as JSON.
 *
 * @param pk        partition key; tenant-owned items begin with {@code ORG#<orgId>}
 * @param sk        sort key
 * @param type      the entity type (e.g. {@code Organization})
 * @param version   optimistic-locking version; 1 on create, incremented by every update
 * @param gsi1pk    GSI1 partition key, or null when the item is not in GSI1
 * @param gsi1sk    GSI1 sort key
 * @param gsi2pk    GSI2 partition key, or null
 * @param gsi2sk    GSI2 sort key
 * @param expiresAt epoch seconds after which the item is dead (DynamoDB TTL), or null
 * @param data      the entity body, JSON
 */
public record Item(String pk, String sk, String type, long version,
                   String gsi1pk, String gsi1sk, String gsi2pk, String gsi2sk,
                   Long expiresAt, String data) {

    public Item {
        Objects.requireNonNull(pk, "pk");
        Objects.requireNonNull(sk, "sk");
        Objects.requireNonNull(type, "type");
        if ((gsi1pk == null) != (gsi1sk == null) || (gsi2pk == null) != (gsi2sk == null)) {
            throw new IllegalArgumentException("a GSI key pair is set in full or not at all");
        }
    }

    public Key key() {
        return new Key(pk, sk);
    }

    /** True when the item carries a TTL that has passed at {@code epochSecond}. */
    public boolean expiredAt(long epochSecond) {
        return expiresAt != null && expiresAt <= epochSecond;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().pk(pk).sk(sk).type(type).version(version)
                .gsi1(gsi1pk, gsi1sk).gsi2(gsi2pk, gsi2sk).expiresAt(expiresAt).data(data);
    }

    public static final class Builder {
        private String pk;
        private String sk;
        private String type;
        private long version = 1;
        private String gsi1pk;
        private String gsi1sk;
        private String gsi2pk;
        private String gsi2sk;
        private Long expiresAt;
        private String data = "{}";

        private Builder() {
        }

        public Builder key(Key key) {
            this.pk = key.pk();
            this.sk = key.sk();
            return this;
        }

        public Builder pk(String pk) {
            this.pk = pk;
            return this;
        }

        public Builder sk(String sk) {
            this.sk = sk;
            return this;
        }

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public Builder gsi1(String pk, String sk) {
            this.gsi1pk = pk;
            this.gsi1sk = sk;
            return this;
        }

        public Builder gsi2(String pk, String sk) {
            this.gsi2pk = pk;
            this.gsi2sk = sk;
            return this;
        }

        public Builder expiresAt(Long epochSecond) {
            this.expiresAt = epochSecond;
            return this;
        }

        public Builder data(String json) {
            this.data = json;
            return this;
        }

        public Item build() {
            return new Item(pk, sk, type, version, gsi1pk, gsi1sk, gsi2pk, gsi2sk, expiresAt, data);
        }
    }
}
