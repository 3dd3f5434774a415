package com.lakesail.local.workflow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.local.workflow.data.ErrorNames;
import com.lakesail.local.workflow.data.Json;
import com.lakesail.local.workflow.data.StateFailure;
import java.nio.charset.StandardCharsets;

/**
 * Step Functions' payload quota: a state's input after Parameters, a task's result and a state's
 * output are at most 256 KiB of UTF-8 JSON, else the state fails with States.DataLimitExceeded,
 * which no retrier or catcher handles. The JSON text is what the history records anyway.
 */
public final class Payloads {
    public static final int MAX_BYTES = 256 * 1024;

    private Payloads() {
    }

    /** The payload as JSON text, once checked against the quota. */
    static String checked(String stateName, String what, JsonNode payload) {
        String json = Json.write(payload);
        if (exceeds(json)) {
            throw new StateFailure(ErrorNames.DATA_LIMIT_EXCEEDED, "The state '" + stateName + "' has an " + what
                    + " with a size exceeding the maximum number of bytes service limit (" + MAX_BYTES + ")");
        }
        return json;
    }

    public static boolean exceeds(String json) {
        // A char takes at most 3 UTF-8 bytes, so only long texts need counting.
        return json.length() * 3L > MAX_BYTES && json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }
}
