package com.lakesail.sdk.jobs;

import java.util.List;

/**
 * A page of a run's log and the token to read on from. While the run goes on there is always a
 * token (a page may be empty: nothing new yet); once it has ended and everything is read, none.
 */
public record LogPage(List<LogLine> items, String nextToken) {

    public LogPage {
        items = items == null ? List.of() : List.copyOf(items);
        nextToken = nextToken == null || nextToken.isEmpty() ? null : nextToken;
    }
}
