package com.lakesail.backend.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.lakesail.backend.di.DaggerLambdaComponent;
import com.lakesail.backend.domain.FieldError;
import java.util.Base64;
import java.util.List;

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
        ApiResponse response = answer(event);
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(response.status())
                .withHeaders(response.headers())
                .withBody(response.body());
    }

    /**
     * template.yaml declares every media type binary, so API Gateway hands the body over as the
     * client's bytes in base64: decoded strictly here, invalid UTF-8 is refused rather than read as
     * U+FFFD. A text body (an API without that setting, a test) arrives as a string, and the
     * handler still refuses one holding an unpaired surrogate.
     */
    private ApiResponse answer(APIGatewayProxyRequestEvent event) {
        if (event.getBody() == null || !Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            return api.handle(new ApiRequest(event.getHttpMethod(), event.getPath(), event.getQueryStringParameters(),
                    event.getHeaders(), event.getBody()));
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(event.getBody());
        } catch (IllegalArgumentException e) {
            return api.refuse(event.getHttpMethod(), 400, "the body is not valid base64",
                    List.of(new FieldError("body", "is not valid base64")));
        }
        return api.handle(event.getHttpMethod(), event.getPath(), event.getQueryStringParameters(), event.getHeaders(), bytes);
    }

    /** Holder idiom: the graph (and its AWS clients) is built on first use, once per container. */
    private static final class Graph {
        static final ApiHandler API = DaggerLambdaComponent.create().api();
    }
}
