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

    private static final char SEP = '\u0000';

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
            // Prefix match as a range so the index is used: prefix <= sk < prefix + U+FFFF.
            sql.append(" AND ").append(skCol).append(" >= ? AND ").append(skCol).append(" < ?");
            args.add(query.skPrefix());
            args.add(query.skPrefix() + '\uffff');
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

    void bind(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setString(i + 1, args.get(i));
        }
    }

    static String tokenAfter(Query query, Item last) {
        String position = switch (query.index()) {
            case TABLE -> last.sk();
            case GSI1 -> last.gsi1sk() + SEP + last.pk() + SEP + last.sk();
            case GSI2 -> last.gsi2sk() + SEP + last.pk() + SEP + last.sk();
        };
        String raw = query.index().name() + SEP + query.pk() + SEP + query.descending() + SEP + position;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(Query query) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(query.pageToken()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SqliteStore.invalidToken();
        }
        String[] parts = raw.split(String.valueOf(SEP), -1);
        int expected = query.index() == Query.Index.TABLE ? 4 : 6;
        if (parts.length != expected || !parts[0].equals(query.index().name()) || !parts[1].equals(query.pk())
                || !parts[2].equals(String.valueOf(query.descending()))) {
            throw SqliteStore.invalidToken();
        }
        String[] position = new String[expected - 3];
        System.arraycopy(parts, 3, position, 0, position.length);
        return position;
    }
}
