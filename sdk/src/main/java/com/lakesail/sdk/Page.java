package com.lakesail.sdk;

import java.util.List;

/**
 * One page of a list: its items and the token of the next page. The wire shape is
 * {@code {"items": [...], "nextToken": "..."}}; an absent or empty token marks the last page and
 * is normalized to null here.
 *
 * @param items the page's items (never null)
 * @param nextToken the token to ask for the next page with; null on the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, String nextToken) {

    public Page {
        items = items == null ? List.of() : List.copyOf(items);
        nextToken = nextToken == null || nextToken.isEmpty() ? null : nextToken;
    }

    public boolean hasNextPage() {
        return nextToken != null;
    }
}
