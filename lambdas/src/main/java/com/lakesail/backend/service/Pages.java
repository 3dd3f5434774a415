package com.lakesail.backend.service;

import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.port.Page;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Pages over a list already in memory (the teams, roles and bindings of an access snapshot), in id
 * order. The token is the last id returned, encoded, so a page stays stable while items are added.
 */
final class Pages {
    private Pages() {
    }

    static <T> Page<T> of(List<T> sortedById, Function<T, String> id, PageRequest page) {
        String after = page.nextToken() == null ? null : decode(page.nextToken());
        List<T> items = new ArrayList<>(page.limit());
        boolean more = false;
        for (T item : sortedById) {
            if (after != null && id.apply(item).compareTo(after) <= 0) {
                continue;
            }
            if (items.size() == page.limit()) {
                more = true;
                break;
            }
            items.add(item);
        }
        String next = more ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(id.apply(items.get(items.size() - 1)).getBytes(StandardCharsets.UTF_8)) : null;
        return new Page<>(items, next);
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("nextToken", "is not a token this list issued");
        }
    }
}
