package com.lakesail.cli.commands;

import picocli.CommandLine.Option;

/** {@code --limit N} on every list: at most N items (all pages are read otherwise). */
public final class ListOptions {
    @Option(names = "--limit", paramLabel = "N", description = "Show at most N items (default: all).")
    Integer limit;

    /** The page size to ask for: no more than needed. */
    Integer pageSize() {
        return limit == null ? null : Math.max(1, Math.min(limit, 100));
    }
}
