package com.lakesail.cli;

import com.lakesail.sdk.exception.AccessDeniedException;
import com.lakesail.sdk.exception.ConflictException;
import com.lakesail.sdk.exception.IdempotencyKeyReusedException;
import com.lakesail.sdk.exception.MethodNotAllowedException;
import com.lakesail.sdk.exception.PayloadTooLargeException;
import com.lakesail.sdk.exception.ResourceNotFoundException;
import com.lakesail.sdk.exception.UnauthenticatedException;
import com.lakesail.sdk.exception.ValidationException;
import com.lakesail.sdk.waiter.WaiterTimeoutException;

/**
 * The command's exit status, one per kind of outcome a script may want to tell apart. Documented in
 * the README and in {@code lakesail --help}; never renumber one.
 */
public final class ExitCode {
    /** Done; a waited-for resource is active, a run succeeded. */
    public static final int OK = 0;
    /** It failed: a run or a lifecycle ended failed, cancelled or timed out; the service erred or could not be reached. */
    public static final int FAILED = 1;
    /** The command line itself is wrong: an unknown command or option, a missing or malformed value. */
    public static final int USAGE = 2;
    /** The service refused the request's content (400, 405, 413), or a file given to the command is invalid. */
    public static final int INVALID = 3;
    /** The resource does not exist, or belongs to another organization (404). */
    public static final int NOT_FOUND = 4;
    /** The change conflicts with the resource's state: wrong status, stale version, duplicate name, dependents (409). */
    public static final int CONFLICT = 5;
    /** The caller may not do this (403). */
    public static final int ACCESS_DENIED = 6;
    /** No credentials, or the token is not accepted (401). */
    public static final int UNAUTHENTICATED = 7;
    /** {@code --wait} or {@code --follow} gave up at {@code --timeout}; the work goes on. */
    public static final int TIMED_OUT = 8;

    /** The lines {@code lakesail --help} ends with. */
    public static final String HELP = """
            Exit status: 0 done, 1 failed (a run or a lifecycle failed, or the service erred or was unreachable), \
            2 usage, 3 invalid request or file, 4 not found, 5 conflict, 6 access denied, \
            7 not signed in or token refused, 8 gave up waiting.""";

    private ExitCode() {
    }

    /** The status for an exception a command let through. */
    public static int of(Throwable error) {
        if (error instanceof CliException cli) {
            return cli.exitCode();
        }
        if (error instanceof ValidationException || error instanceof PayloadTooLargeException
                || error instanceof MethodNotAllowedException) {
            return INVALID;
        }
        if (error instanceof ResourceNotFoundException) {
            return NOT_FOUND;
        }
        if (error instanceof ConflictException || error instanceof IdempotencyKeyReusedException) {
            return CONFLICT;
        }
        if (error instanceof AccessDeniedException) {
            return ACCESS_DENIED;
        }
        if (error instanceof UnauthenticatedException) {
            return UNAUTHENTICATED;
        }
        if (error instanceof WaiterTimeoutException) {
            return TIMED_OUT;
        }
        return FAILED;
    }
}
