package com.lakesail.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void parse_whenSqlSpec_readsStatementsParametersAndDefaults() {
        RunSpec spec = RunSpec.parse("""
                {"runId":"jrn_1","entrypoint":{"type":"sql","statements":["SELECT :day","SELECT :n"]},
                 "parameters":{"day":"2026-12-01","n":10,"big":10000000000,"ratio":0.1,"flag":true}}""", JSON);

        assertEquals("jrn_1", spec.runId());
        assertEquals(new RunSpec.Sql(List.of("SELECT :day", "SELECT :n")), spec.entrypoint());
        assertEquals(Map.of("day", "2026-12-01", "n", 10, "big", 10_000_000_000L, "ratio", new BigDecimal("0.1"), "flag", true),
                spec.parameters());
        assertEquals(100, spec.previewRows());
        assertEquals(20, spec.heartbeatSeconds());
    }

    @Test
    void parse_whenJarSpec_readsLocationMainClassAndArguments() {
        RunSpec spec = RunSpec.parse("""
                {"entrypoint":{"type":"jar","location":"/jobs/a.jar","mainClass":"com.acme.Main","arguments":["a","b"]},
                 "previewRows":0,"heartbeatSeconds":5}""", JSON);

        assertEquals(new RunSpec.Jar("/jobs/a.jar", "com.acme.Main", List.of("a", "b")), spec.entrypoint());
        assertEquals(0, spec.previewRows());
        assertEquals(5, spec.heartbeatSeconds());
    }

    @Test
    void parse_whenSpecIsInvalid_namesTheField() {
        assertMessage("LAKESAIL_RUN_SPEC is not set", null);
        assertMessage("entrypoint.type must be sql or jar", "{\"entrypoint\":{\"type\":\"python\"}}");
        assertMessage("entrypoint.statements must be a non-empty array", "{\"entrypoint\":{\"type\":\"sql\",\"statements\":[]}}");
        assertMessage("entrypoint.mainClass is required", "{\"entrypoint\":{\"type\":\"jar\",\"location\":\"/a.jar\"}}");
        assertMessage("parameters.x must be a string, number or boolean",
                "{\"entrypoint\":{\"type\":\"sql\",\"statements\":[\"SELECT 1\"]},\"parameters\":{\"x\":[1]}}");
        assertMessage("heartbeatSeconds must be a positive integer",
                "{\"entrypoint\":{\"type\":\"sql\",\"statements\":[\"SELECT 1\"]},\"heartbeatSeconds\":0}");
    }

    private static void assertMessage(String expected, String json) {
        RunSpec.InvalidSpecException e = assertThrows(RunSpec.InvalidSpecException.class, () -> RunSpec.parse(json, JSON));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }
}
