package com.lakesail.local.sqlite;

import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Query;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Translates a {@link Query} into SQL with keyset paging. The page token names the index and
 * partition it was issued for and the position after the last item returned; GSI positions carry
 * the table key too, since many items may share one GSI sort key.
 */
record SqlQuery(String text, List<String> args) {


    static SqlQuery of(Query query) {
        String pkCol;
        String skCol;
        switch (query.index()) {
            case GSI1 -> {
                pkCol = "gsi1pk";
                skCol = "gsi1sk";
            }
            case GSI2 -> {
                pkCol = "gsi2pk";
                skCol = "gsi2sk";
            }
            default -> {
                pkCol = "pk";
                skCol = "sk";
            }
        }
        boolean table = query.index() == Query.Index.TABLE;
        String order = query.descending() ? "DESC" : "ASC";
        String cmp = query.descending() ? "<" : ">";
        List<String> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT pk, sk, type, version, gsi1pk, gsi1sk, gsi2pk, gsi2sk, expires_at, data FROM items WHERE ")
                .append(pkCol).append(" = ?");
        args.add(query.pk());
        if (!query.skPrefix().isEmpty()) {
            // Prefix match as a range so the index is used: prefix <= sk < successor(prefix).
            sql.append(" AND ").append(skCol).append(" >= ?");
            args.add(query.skPrefix());
            String upper = successor(query.skPrefix());
            if (upper != null) {
                sql.append(" AND ").append(skCol).append(" < ?");
                args.add(upper);
            }
        }
        if (query.pageToken() != null) {
            String[] position = decode(query);
            if (table) {
                sql.append(" AND sk ").append(cmp).append(" ?");
                args.add(position[0]);
            } else {
                sql.append(" AND (").append(skCol).append(", pk, sk) ").append(cmp).append(" (?, ?, ?)");
                args.add(position[0]);
                args.add(position[1]);
                args.add(position[2]);
            }
        }
        sql.append(" ORDER BY ").append(skCol).append(' ').append(order);
        if (!table) {
            sql.append(", pk ").append(order).append(", sk ").append(order);
        }
        sql.append(" LIMIT ").append(query.limit() + 1);
        return new SqlQuery(sql.toString(), args);
    }

    /**
     * The least string above every string that starts with {@code prefix}, in SQLite's order (UTF-8
     * bytes, which is code point order): the prefix with its last code point incremented, skipping
     * the surrogate range. Null when there is none (the prefix is all U+10FFFF).
     */
    static String successor(String prefix) {
        int[] codePoints = prefix.codePoints().toArray();
        for (int i = codePoints.length - 1; i >= 0; i--) {
            if (codePoints[i] < Character.MAX_CODE_POINT) {
                int next = codePoints[i] + 1;
                codePoints[i] = next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE ? Character.MAX_SURROGATE + 1 : next;
                return new String(codePoints, 0, i + 1);
            }
        }
        return null;
    }

    void bind(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setString(i + 1, args.get(i));
        }
    }

    static String tokenAfter(Query query, Item last) {
        List<String> fields = new ArrayList<>(List.of(query.index().name(), query.pk(), String.valueOf(query.descending())));
        switch (query.index()) {
            case TABLE -> fields.add(last.sk());
            case GSI1 -> fields.addAll(List.of(last.gsi1sk(), last.pk(), last.sk()));
            case GSI2 -> fields.addAll(List.of(last.gsi2sk(), last.pk(), last.sk()));
        }
        // Each field base64url-encoded and joined by '.', which base64url never contains: keys may
        // hold any character.
        StringBuilder token = new StringBuilder();
        for (String field : fields) {
            if (token.length() > 0) {
                token.append('.');
            }
            token.append(Base64.getUrlEncoder().withoutPadding().encodeToString(field.getBytes(StandardCharsets.UTF_8)));
        }
        return token.toString();
    }

    private static String[] decode(Query query) {
        String[] parts = query.pageToken().split("\\.", -1);
        int expected = query.index() == Query.Index.TABLE ? 4 : 6;
        if (parts.length != expected) {
            throw SqliteStore.invalidToken();
        }
        String[] fields = new String[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                fields[i] = new String(Base64.getUrlDecoder().decode(parts[i]), StandardCharsets.UTF_8);
            }
        } catch (IllegalArgumentException e) {
            throw SqliteStore.invalidToken();
        }
        if (!fields[0].equals(query.index().name()) || !fields[1].equals(query.pk())
                || !fields[2].equals(String.valueOf(query.descending()))) {
            throw SqliteStore.invalidToken();
        }
        String[] position = new String[expected - 3];
        System.arraycopy(fields, 3, position, 0, position.length);
        return position;
    }
}
