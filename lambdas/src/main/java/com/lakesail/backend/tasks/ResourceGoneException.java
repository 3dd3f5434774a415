package com.lakesail.backend.tasks;

/**
 * The resource this execution works on was deleted, or another operation has taken it over (it is
 * no longer in a status this task acts on): the execution ends without touching it.
 */
public final class ResourceGoneException extends TaskException {
    public ResourceGoneException(String message) {
        super(message, null);
    }
}
