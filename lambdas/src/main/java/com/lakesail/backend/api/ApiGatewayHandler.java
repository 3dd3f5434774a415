package com.lakesail.backend.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.lakesail.backend.di.DaggerLambdaComponent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The API function: API Gateway (REST, Lambda proxy integration) event → router → response. The
 * object graph is built once per container and shared by every invocation.
 */
public final class ApiGatewayHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final ApiHandler api;

    /** Called by the Lambda runtime during init, so the graph is built before SnapStart's snapshot. */
    public ApiGatewayHandler() {
        this(Graph.API);
    }

    ApiGatewayHandler(ApiHandler api) {
        this.api = api;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String body = event.getBody();
        if (body != null && Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        ApiResponse response = api.handle(new ApiRequest(event.getHttpMethod(), event.getPath(),
                event.getQueryStringParameters(), event.getHeaders(), body));
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(response.status())
                .withHeaders(response.headers())
                .withBody(response.body());
    }

    /** Holder idiom: the graph (and its AWS clients) is built on first use, once per container. */
    private static final class Graph {
        static final ApiHandler API = DaggerLambdaComponent.create().api();
    }
}
