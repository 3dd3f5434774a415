package com.lakesail.local.workflow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.local.workflow.data.Json;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The result of {@code arn:aws:states:::lambda:invoke}: Lambda's Invoke response with the function's
 * output as {@code Payload}. The request id is derived from the execution and event, so a re-run
 * produces the same document.
 */
final class LambdaResponse {
    private LambdaResponse() {
    }

    static JsonNode of(String executionArn, long eventId, JsonNode payload) {
        String requestId = UUID.nameUUIDFromBytes((executionArn + "#" + eventId).getBytes(StandardCharsets.UTF_8)).toString();
        ObjectNode response = Json.object();
        response.put("ExecutedVersion", "$LATEST");
        response.set("Payload", payload);
        ObjectNode http = response.putObject("SdkHttpMetadata");
        http.putObject("AllHttpHeaders").putArray("Content-Type").add("application/json");
        http.putObject("HttpHeaders").put("Content-Type", "application/json").put("X-Amz-Executed-Version", "$LATEST")
                .put("x-amzn-RequestId", requestId);
        http.put("HttpStatusCode", 200);
        response.putObject("SdkResponseMetadata").put("RequestId", requestId);
        response.put("StatusCode", 200);
        return response;
    }
}
