package com.lakesail.backend.tasks;

/**
 * A task's failure as the state machines see it. On Lambda, the Java runtime reports a thrown
 * exception's fully qualified class name as the error type, which is what {@code Retry} and
 * {@code Catch} match ({@code ErrorEquals}); the local engine is handed the same name. So the
 * error names of {@code statemachines/} are exactly these classes:
 *
 * <pre>
 * com.lakesail.backend.tasks.RetryableTaskException   transient: Retry with backoff
 * com.lakesail.backend.tasks.StageFailedException     the stage failed: Catch → record failed (stage, reason)
 * com.lakesail.backend.tasks.ResourceGoneException    the resource was removed or moved on: end quietly
 * </pre>
 */
public abstract class TaskException extends RuntimeException {
    protected TaskException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The Step Functions error name: this class's name. */
    public String errorName() {
        return getClass().getName();
    }
}
