package com.lakesail.local.workflow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.local.workflow.data.Json;

/** History event details, shaped like Step Functions' (inputs and outputs as JSON text). */
final class Events {
    private Events() {
    }

    static ObjectNode entered(String name, JsonNode input) {
        return Json.object().put("name", name).put("input", Json.write(input));
    }

    static ObjectNode exited(String name, String outputJson) {
        return Json.object().put("name", name).put("output", outputJson);
    }

    static ObjectNode output(JsonNode output) {
        return Json.object().put("output", Json.write(output));
    }

    static ObjectNode input(JsonNode input) {
        return Json.object().put("input", Json.write(input));
    }

    static ObjectNode error(String error, String cause) {
        ObjectNode o = Json.object();
        if (error != null) {
            o.put("error", error);
        }
        if (cause != null) {
            o.put("cause", cause);
        }
        return o;
    }

    static ObjectNode iteration(String mapName, int index) {
        return Json.object().put("name", mapName).put("index", index);
    }
}
