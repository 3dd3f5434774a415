package com.lakesail.backend.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.di.DaggerApiComponent;
import com.lakesail.backend.domain.FieldError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;

/**
 * The API function: an API Gateway (REST, Lambda proxy integration) event → router → response.
 * It reads and writes the proxy event's JSON itself, with the API's one ObjectMapper, rather than
 * have the runtime bind it to event classes by reflection: fewer classes and no second JSON
 * library at cold start. The object graph is built once per container and shared by every
 * invocation; before a SnapStart snapshot the graph is primed (router, JSON, table schema).
 */
public final class ApiGatewayHandler implements RequestStreamHandler, Resource {
    private static final String PRIMING_EVENT = "{\"httpMethod\":\"GET\",\"path\":\"/v1/me\",\"headers\":{\"Accept\":"
            + "\"application/json\"},\"queryStringParameters\":{\"limit\":\"1\"},\"body\":null,\"isBase64Encoded\":false}";

    private final ApiHandler api;

    /** Called by the Lambda runtime during init, so the graph is built before SnapStart's snapshot. */
    public ApiGatewayHandler() {
        this(Graph.API);
        // The runtime holds this handler for the container's life; the context holds it weakly.
        Core.getGlobalContext().register(this);
    }

    ApiGatewayHandler(ApiHandler api) {
        this.api = api;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        if (event == null || !event.path("httpMethod").isTextual() || !event.path("path").isTextual()) {
            throw new IllegalArgumentException("not an API Gateway proxy event: httpMethod and path are required");
        }
        Json.MAPPER.writeValue(output, response(answer(event)));
    }

    /** Before the snapshot: the request path without store or log, and this handler's event JSON. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws IOException {
        api.prime();
        JsonNode event = Json.MAPPER.readTree(new ByteArrayInputStream(PRIMING_EVENT.getBytes(StandardCharsets.UTF_8)));
        strings(event.path("headers"));
        Json.MAPPER.writeValue(new ByteArrayOutputStream(), response(ApiResponse.json(200, "{}").withHeader("X-Request-Id", "-")));
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to renew: no connection is opened before the snapshot, and AWS credentials are read per call.
    }

    /**
     * template.yaml declares every media type binary, so API Gateway hands the body over as the
     * client's bytes in base64: decoded strictly here, invalid UTF-8 is refused rather than read as
     * U+FFFD. A text body (an API without that setting, a test) arrives as a string, and the
     * handler still refuses one holding an unpaired surrogate.
     */
    ApiResponse answer(JsonNode event) {
        ApiGatewayEndpoint.observe(event.path("requestContext"), System.getenv("AWS_REGION"));
        String method = event.path("httpMethod").textValue();
        String path = event.path("path").textValue();
        Map<String, String> query = strings(event.path("queryStringParameters"));
        Map<String, String> headers = strings(event.path("headers"));
        String body = event.path("body").isTextual() ? event.path("body").textValue() : null;
        if (body == null || !event.path("isBase64Encoded").asBoolean(false)) {
            return api.handle(new ApiRequest(method, path, query, headers, body));
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            return api.refuse(method, 400, "the body is not valid base64", List.of(new FieldError("body", "is not valid base64")));
        }
        return api.handle(method, path, query, headers, bytes);
    }

    static ObjectNode response(ApiResponse response) {
        ObjectNode out = Json.object().put("statusCode", response.status());
        ObjectNode headers = out.putObject("headers");
        response.headers().forEach(headers::put);
        out.put("body", response.body());
        return out.put("isBase64Encoded", false);
    }

    /** A proxy event's map of strings (API Gateway sends null, not {}, when there are none). */
    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) {
                values.put(e.getKey(), e.getValue().textValue());
            }
        });
        return values;
    }

    /** Holder idiom: the graph is built on first use, once per container (its AWS clients later, on first call). */
    private static final class Graph {
        static final ApiHandler API = DaggerApiComponent.create().api();
    }
}
