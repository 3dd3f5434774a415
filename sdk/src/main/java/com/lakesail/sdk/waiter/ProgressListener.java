package com.lakesail.sdk.waiter;

/**
 * Told what a {@link Waiter} saw on every poll, e.g. to drive a progress bar.
 *
 * <pre>{@code
 * ProgressListener printer = (status, stage, progress) ->
 *     System.out.printf("%s %s %d%%%n", status, stage == null ? "" : stage, progress);
 * }</pre>
 */
@FunctionalInterface
public interface ProgressListener {

    /**
     * @param status the status as the API spells it, e.g. {@code provisioning}
     * @param stage the current stage; may be null
     * @param progress 0 to 100
     */
    void onProgress(String status, String stage, int progress);
}
