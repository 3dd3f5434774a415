package com.lakesail.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.lakesail.sdk.ModelJson;
import com.lakesail.sdk.jobs.JobDefinition;
import com.lakesail.sdk.jobs.JobRun;
import com.lakesail.sdk.jobs.JobRunStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelJsonTest {

    @Test
    void writer_whenRecordHasDerivedBooleans_writesOnlyItsComponentsAsTheApiNamesThem() throws Exception {
        JobRun run = SdkJson.mapper().readValue("{\"id\": \"run_1\", \"jobId\": \"job_1\", \"status\": \"creating_sail\", "
                + "\"createdAt\": \"2026-01-02T03:04:05Z\", \"hasResult\": false}", JobRun.class);

        JsonNode json = SdkJson.mapper().readTree(ModelJson.writer().writeValueAsString(run));

        assertEquals("creating_sail", json.get("status").asText());
        assertEquals("2026-01-02T03:04:05Z", json.get("createdAt").asText());
        assertTrue(json.has("hasResult"));
        List<String> derived = List.of("terminalSuccess", "terminalFailure");
        derived.forEach(name -> assertTrue(!json.has(name), name + " in " + json));
        assertEquals(JobRunStatus.CREATING_SAIL, SdkJson.mapper().treeToValue(json, JobRun.class).status());
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), run.createdAt());
    }

    @Test
    void strictReader_whenFieldUnknown_refusesNamingIt() {
        UnrecognizedPropertyException e = assertThrows(UnrecognizedPropertyException.class,
                () -> ModelJson.strictReader(JobDefinition.class).readValue("{\"clusterId\": \"cls_1\", \"timeoutSecond\": 60}"));

        assertEquals("timeoutSecond", e.getPropertyName());
    }
}
