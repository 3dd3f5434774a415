package com.lakesail.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;

/**
 * The API function's own stage URL, learnt from the requests API Gateway sends it. template.yaml
 * cannot give the function its API's address (the API depends on the function: a cycle), yet the
 * function needs it as the session tokens' issuer. It is built from the request context's API id and
 * stage exactly as the task function's {@code API_ENDPOINT} is ({@code https://<api>.execute-api.
 * <region>.amazonaws.com/<stage>}), whatever host name the client used, so tokens the API issues
 * carry the issuer the gates the task function configures expect.
 */
public final class ApiGatewayEndpoint {
    private static volatile URI current;

    private ApiGatewayEndpoint() {
    }

    /** Records the stage URL of a proxy event's {@code requestContext}; an event without one changes nothing. */
    static void observe(JsonNode requestContext, String region) {
        String apiId = requestContext.path("apiId").asText("");
        String stage = requestContext.path("stage").asText("");
        if (!apiId.isEmpty() && !stage.isEmpty() && region != null && !region.isEmpty() && current == null) {
            current = URI.create("https://" + apiId + ".execute-api." + region + ".amazonaws.com/" + stage);
        }
    }

    /** The stage URL, once a request has told it. */
    public static URI current() {
        URI known = current;
        if (known == null) {
            throw new IllegalStateException("the API's address is not known yet: no API Gateway request has reached this"
                    + " function, and API_ENDPOINT is not set");
        }
        return known;
    }
}
