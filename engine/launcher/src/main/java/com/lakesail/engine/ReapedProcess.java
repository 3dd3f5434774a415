package com.lakesail.engine;

/**
 * A child a previous backend left behind, found by {@link EngineLauncher#reapOrphans()}.
 *
 * @param kind    {@code sail} or {@code runner}
 * @param id      the id it was started with (a run's or a session's)
 * @param pid     its process id
 * @param wasLive whether it was still running (and was killed) or had already exited
 */
public record ReapedProcess(String kind, String id, long pid, boolean wasLive) {
}
