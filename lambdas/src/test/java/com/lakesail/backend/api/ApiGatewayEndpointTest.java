package com.lakesail.backend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ApiGatewayEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void observe_whenARequestContextArrives_knowsTheStageUrlTheTaskFunctionIsGiven() throws Exception {
        ApiGatewayEndpoint.observe(JSON.readTree("{}"), "eu-west-1");
        ApiGatewayEndpoint.observe(JSON.readTree("{\"apiId\":\"a1b2c3\",\"stage\":\"dev\",\"domainName\":\"api.example.com\"}"),
                "eu-west-1");

        // As template.yaml's API_ENDPOINT: !Sub "https://${Api}.execute-api.${AWS::Region}.amazonaws.com/${Stage}",
        // not the custom host name the client used.
        assertEquals(URI.create("https://a1b2c3.execute-api.eu-west-1.amazonaws.com/dev"), ApiGatewayEndpoint.current());
    }
}
