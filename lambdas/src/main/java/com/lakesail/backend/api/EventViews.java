package com.lakesail.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.event.Event;
import com.lakesail.backend.domain.job.JobRun;
import com.lakesail.backend.service.event.EventService;

/** Events as EventBridge shows them ({@code detail-type} spelled {@code detailType}, as everywhere in the API). */
final class EventViews {
    private EventViews() {
    }

    static boolean handles(Object result) {
        return result instanceof Event || result instanceof EventService.PutResult;
    }

    static JsonNode render(Object result) {
        if (result instanceof Event event) {
            ObjectNode node = Json.object().put("id", event.id()).put("source", event.source())
                    .put("detailType", event.detailType()).put("time", event.time().toString());
            node.putArray("resources").add(event.resourceId());
            node.set("detail", Json.MAPPER.valueToTree(event.detail()));
            return node;
        }
        EventService.PutResult put = (EventService.PutResult) result;
        ObjectNode node = Json.object().put("id", put.id()).put("source", put.source()).put("detailType", put.detailType())
                .put("time", put.time().toString());
        ArrayNode runs = node.putArray("runs");
        for (JobRun run : put.runs()) {
            runs.addObject().put("id", run.id()).put("jobId", run.jobId()).put("status", Wire.name(run.status()));
        }
        return node;
    }
}
