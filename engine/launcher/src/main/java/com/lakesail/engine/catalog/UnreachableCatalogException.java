package com.lakesail.engine.catalog;

/**
 * A catalog the target cannot reach (a Glue catalog or a Hive metastore from the local backend):
 * the run fails at once with this message instead of hanging on a metastore that is not there.
 */
public class UnreachableCatalogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnreachableCatalogException(String message) {
        super(message);
    }
}
