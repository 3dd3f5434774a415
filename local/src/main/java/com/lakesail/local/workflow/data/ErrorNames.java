package com.lakesail.local.workflow.data;

import java.util.List;

/**
 * The predefined {@code States.*} error names and the spec's matching rules for a retrier's or
 * catcher's {@code ErrorEquals}.
 */
public final class ErrorNames {
    public static final String ALL = "States.ALL";
    public static final String TIMEOUT = "States.Timeout";
    public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String PERMISSIONS = "States.Permissions";
    public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
    public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
    public static final String BRANCH_FAILED = "States.BranchFailed";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    public static final String RUNTIME = "States.Runtime";
    public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";

    private ErrorNames() {
    }

    /**
     * Runtime and data-limit errors are terminal: no retrier or catcher can match them, not even
     * {@code States.ALL}.
     */
    public static boolean isTerminal(String error) {
        return RUNTIME.equals(error) || DATA_LIMIT_EXCEEDED.equals(error);
    }

    /**
     * Whether {@code error} matches a retrier's or catcher's {@code ErrorEquals}:
     * {@code States.ALL} matches any error; {@code States.TaskFailed} matches any error except the
     * timeouts; {@code States.Timeout} also matches {@code States.HeartbeatTimeout}, which the spec
     * defines as a kind of timeout; any other name matches itself.
     */
    public static boolean matches(List<String> errorEquals, String error) {
        if (isTerminal(error)) {
            return false;
        }
        for (String name : errorEquals) {
            if (name.equals(error) || ALL.equals(name)) {
                return true;
            }
            if (TASK_FAILED.equals(name) && !isTimeout(error)) {
                return true;
            }
            if (TIMEOUT.equals(name) && HEARTBEAT_TIMEOUT.equals(error)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTimeout(String error) {
        return TIMEOUT.equals(error) || HEARTBEAT_TIMEOUT.equals(error);
    }
}
