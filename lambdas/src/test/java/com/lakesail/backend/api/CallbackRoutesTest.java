package com.lakesail.backend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.domain.FieldError;
import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.service.job.CallbackEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runner protocol's events as parsed: what each carries, and the bounds that keep a run's item small. */
class CallbackRoutesTest {

    @Test
    void event_whenSailReadyNamesASparkConnectAddress_carriesIt() {
        CallbackEvent event = event("{\"type\":\"sail_ready\",\"endpoint\":\"sc://10.0.1.17:15002\"}");

        assertEquals(CallbackEvent.Type.SAIL_READY, event.type());
        assertEquals("sc://10.0.1.17:15002", event.endpoint());
    }

    @Test
    void event_whenTheEndpointIsNoSparkConnectAddressOrTooLong_namesEndpoint() {
        // It becomes the runner's SPARK_REMOTE and is stored on the run.
        for (String endpoint : List.of("http://10.0.1.17:15002", "sc://", "sc://host with spaces",
                "sc://" + "h".repeat(CallbackRoutes.MAX_ENDPOINT))) {
            assertEquals(List.of("endpoint"), fields(sailReady(endpoint)), endpoint);
        }
        String longest = "sc://" + "h".repeat(CallbackRoutes.MAX_ENDPOINT - 5);
        assertEquals(longest, event(sailReady(longest)).endpoint());
    }

    @Test
    void event_whenTheErrorClassIsTooLong_namesErrorClass() {
        String failed = "{\"type\":\"failed\",\"message\":\"boom\",\"errorClass\":\"%s\"}";

        assertEquals(List.of("errorClass"), fields(failed.formatted("E".repeat(CallbackRoutes.MAX_ERROR_CLASS + 1))));
        assertEquals("TABLE_OR_VIEW_NOT_FOUND", event(failed.formatted("TABLE_OR_VIEW_NOT_FOUND")).errorClass());
    }

    @Test
    void event_whenTheMessageIsALongStackTrace_isAccepted() {
        // A failure report is not refused for its length (up to the parser's 64 Ki characters a string):
        // the run keeps the message cut (RunOutcome).
        String trace = "at com.acme.Job.main(Job.java:1)\\n".repeat(1_800);

        CallbackEvent event = event("{\"type\":\"failed\",\"message\":\"" + trace + "\"}");

        assertEquals(CallbackEvent.Type.FAILED, event.type());
    }

    @Test
    void event_whenSucceededWithMetrics_keepsNumbersAndObjectsOfNumbersAndIgnoresTheRest() {
        CallbackEvent event = event("{\"type\":\"succeeded\",\"metrics\":{\"statements\":2,\"rowsReturned\":1,"
                + "\"millis\":{\"connect\":120,\"execute\":840,\"note\":\"x\"},\"engine\":\"sail\"}}");

        assertEquals(Map.of("statements", 2, "rowsReturned", 1, "millis", Map.of("connect", 120, "execute", 840)),
                event.metrics());
    }

    @Test
    void event_whenMetricsAreTooManyOrTheirNamesTooLong_namesTheMetricsObject() {
        ObjectNode many = Json.object().put("type", "succeeded");
        ObjectNode metrics = many.putObject("metrics");
        for (int i = 0; i <= CallbackRoutes.MAX_METRICS; i++) {
            metrics.put("m" + i, i);
        }
        assertEquals(List.of("metrics"), fields(many.toString()));

        ObjectNode nested = Json.object().put("type", "succeeded");
        ObjectNode millis = nested.putObject("metrics").putObject("millis");
        for (int i = 0; i <= CallbackRoutes.MAX_METRICS; i++) {
            millis.put("phase" + i, i);
        }
        assertEquals(List.of("metrics.millis"), fields(nested.toString()));

        assertEquals(List.of("metrics"), fields("{\"type\":\"succeeded\",\"metrics\":{\""
                + "n".repeat(CallbackRoutes.MAX_METRIC_NAME + 1) + "\":1}}"));
    }

    private static String sailReady(String endpoint) {
        return "{\"type\":\"sail_ready\",\"endpoint\":\"" + endpoint + "\"}";
    }

    private static CallbackEvent event(String json) {
        return CallbackRoutes.event(new Body(Json.parseObject(json)));
    }

    private static List<String> fields(String json) {
        ValidationException e = assertThrows(ValidationException.class, () -> event(json), json);
        return e.details().stream().map(FieldError::field).toList();
    }
}
