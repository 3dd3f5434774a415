package com.lakesail.backend.dynamodb;

import static com.lakesail.backend.dynamodb.DynamoDbTableDefinition.DATA;
import static com.lakesail.backend.dynamodb.DynamoDbTableDefinition.EXPIRES_AT;
import static com.lakesail.backend.dynamodb.DynamoDbTableDefinition.GSI1;
import static com.lakesail.backend.dynamodb.DynamoDbTableDefinition.GSI1_PK;
import static com.lakesail.backend.dynamodb.DynamoDbTableDefinition.GSI1_SK;
import static com.lakesail.backend.dynamodb.DynamoDbTableDefinition.GSI2;
import static com.lakesail.backend.dynamodb.DynamoDbTableDefinition.GSI2_PK;
import static com.lakesail.backend.dynamodb.DynamoDbTableDefinition.GSI2_SK;
import static com.lakesail.backend.dynamodb.DynamoDbTableDefinition.PK;
import static com.lakesail.backend.dynamodb.DynamoDbTableDefinition.SK;
import static com.lakesail.backend.dynamodb.DynamoDbTableDefinition.TYPE;
import static com.lakesail.backend.dynamodb.DynamoDbTableDefinition.VERSION;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import com.lakesail.backend.port.Item;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The static, immutable schema of {@link Item}, built once when the class loads: no bean
 * introspection and no reflection on the request path (it also keeps Lambda cold starts and
 * SnapStart restores cheap). Null attributes are left out of the stored item, so an item without
 * GSI keys is simply absent from that (sparse) index.
 */
final class TableSchemas {

    static final TableSchema<Item> ITEM = StaticImmutableTableSchema.builder(Item.class, ItemBuilder.class)
            .newItemBuilder(ItemBuilder::new, ItemBuilder::build)
            .addAttribute(String.class, a -> a.name(PK).getter(Item::pk).setter(ItemBuilder::pk)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name(SK).getter(Item::sk).setter(ItemBuilder::sk)
                    .tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name(TYPE).getter(Item::type).setter(ItemBuilder::type))
            .addAttribute(Long.class, a -> a.name(VERSION).getter(Item::version).setter(ItemBuilder::version))
            .addAttribute(String.class, a -> a.name(GSI1_PK).getter(Item::gsi1pk).setter(ItemBuilder::gsi1pk)
                    .tags(secondaryPartitionKey(GSI1)))
            .addAttribute(String.class, a -> a.name(GSI1_SK).getter(Item::gsi1sk).setter(ItemBuilder::gsi1sk)
                    .tags(secondarySortKey(GSI1)))
            .addAttribute(String.class, a -> a.name(GSI2_PK).getter(Item::gsi2pk).setter(ItemBuilder::gsi2pk)
                    .tags(secondaryPartitionKey(GSI2)))
            .addAttribute(String.class, a -> a.name(GSI2_SK).getter(Item::gsi2sk).setter(ItemBuilder::gsi2sk)
                    .tags(secondarySortKey(GSI2)))
            .addAttribute(Long.class, a -> a.name(EXPIRES_AT).getter(Item::expiresAt).setter(ItemBuilder::expiresAt))
            .addAttribute(String.class, a -> a.name(DATA).getter(Item::data).setter(ItemBuilder::data))
            .build();

    private TableSchemas() {
    }

    /**
     * The mapper's builder. {@link Item.Builder} sets each GSI key pair at once, but the mapper sets
     * one attribute at a time, so the attributes are collected here first.
     */
    static final class ItemBuilder {
        private String pk;
        private String sk;
        private String type;
        private Long version;
        private String gsi1pk;
        private String gsi1sk;
        private String gsi2pk;
        private String gsi2sk;
        private Long expiresAt;
        private String data;

        void pk(String value) {
            pk = value;
        }

        void sk(String value) {
            sk = value;
        }

        void type(String value) {
            type = value;
        }

        void version(Long value) {
            version = value;
        }

        void gsi1pk(String value) {
            gsi1pk = value;
        }

        void gsi1sk(String value) {
            gsi1sk = value;
        }

        void gsi2pk(String value) {
            gsi2pk = value;
        }

        void gsi2sk(String value) {
            gsi2sk = value;
        }

        void expiresAt(Long value) {
            expiresAt = value;
        }

        void data(String value) {
            data = value;
        }

        Item build() {
            if (version == null) {
                // Every write of this adapter stores a version; an item without one was not written by it.
                throw new IllegalStateException("item " + pk + "/" + sk + " has no version attribute");
            }
            return new Item(pk, sk, type, version, gsi1pk, gsi1sk, gsi2pk, gsi2sk, expiresAt, data);
        }
    }
}
