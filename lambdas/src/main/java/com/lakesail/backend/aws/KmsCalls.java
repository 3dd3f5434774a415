package com.lakesail.backend.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.endpoint.AwsClientEndpointProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;

/**
 * KMS operations over its JSON protocol (AWS JSON 1.1), with the SDK's own pieces: its HTTP client, its
 * SigV4 signer, the function's credentials, and the endpoint the generated client would call. The
 * generated KMS client holds every KMS operation's model: 1.5 MiB of the API function's package, whose
 * cold starts users wait on, for the two operations it calls.
 *
 * <p>A call is {@code POST /} with {@code X-Amz-Target: TrentService.<Operation>} and a JSON body;
 * blobs are base64 strings; an error is a 4xx or 5xx with {@code {"__type", "message"}}. Throttling,
 * 5xx and I/O failures are tried again (three attempts in all, with jittered backoff), as the SDK's
 * standard retry mode does.
 *
 * <pre>{@code
 * JsonNode key = kms.call("GetPublicKey", JSON.createObjectNode().put("KeyId", arn));  // key.path("PublicKey")
 * }</pre>
 */
public final class KmsCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 3;
    private static final long BASE_DELAY_MILLIS = 100;
    private static final Set<String> THROTTLING = Set.of("ThrottlingException", "Throttling", "TooManyRequestsException",
            "RequestLimitExceeded", "LimitExceededException", "RequestThrottledException");

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final URI endpoint;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public KmsCalls(SdkHttpClient http, AwsCredentialsProvider credentials, Region region, URI endpoint) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
        this.endpoint = endpoint;
    }

    /**
     * KMS's endpoint as the generated client resolves it: {@code AWS_ENDPOINT_URL_KMS}, {@code AWS_ENDPOINT_URL},
     * their system properties or the profile's when set, else the region's.
     */
    public static URI endpoint(Region region) {
        return AwsClientEndpointProvider.builder().serviceEndpointOverrideEnvironmentVariable("AWS_ENDPOINT_URL_KMS")
                .serviceEndpointOverrideSystemProperty("aws.endpointUrlKms").serviceProfileProperty("kms")
                .serviceEndpointPrefix("kms").defaultProtocol("https").region(region).build().clientEndpoint();
    }

    /**
     * @return the operation's response body
     * @throws KmsException when KMS refused it, or it failed after its attempts
     */
    public JsonNode call(String operation, JsonNode request) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return once(operation, body);
            } catch (KmsException e) {
                if (!e.retryable() || attempt >= ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private JsonNode once(String operation, byte[] body) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint).encodedPath("/")
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "TrentService." + operation)
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(request)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "kms")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
        int status;
        JsonNode answer;
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null)).build()).call();
            status = response.httpResponse().statusCode();
            try (InputStream in = response.responseBody().orElse(null)) {
                byte[] bytes = in == null ? new byte[0] : in.readAllBytes();
                answer = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
            }
        } catch (IOException e) {
            throw new KmsException(operation, null, "KMS unreachable: " + e.getMessage(), true, e);
        }
        if (status / 100 == 2) {
            return answer;
        }
        String type = answer.path("__type").asText("");
        type = type.substring(type.lastIndexOf('#') + 1);
        String message = answer.path("message").asText(answer.path("Message").asText("HTTP " + status));
        boolean retryable = status >= 500 || status == 429 || THROTTLING.contains(type);
        throw new KmsException(operation, type.isEmpty() ? null : type, message, retryable, null);
    }

    /** Full jitter over an exponential backoff from {@value #BASE_DELAY_MILLIS} ms. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(BASE_DELAY_MILLIS << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KmsException("(retry)", null, "interrupted", false, e);
        }
    }

    /** A KMS call that failed: KMS's error type and message, or why it could not be made. */
    public static final class KmsException extends RuntimeException {
        private final String errorType;
        private final boolean retryable;

        KmsException(String operation, String errorType, String message, boolean retryable, Throwable cause) {
            super("kms:" + operation + " failed: " + (errorType == null ? "" : errorType + ": ") + message, cause);
            this.errorType = errorType;
            this.retryable = retryable;
        }

        /** KMS's {@code __type} without its namespace (e.g. {@code NotFoundException}); null when KMS did not answer. */
        public String errorType() {
            return errorType;
        }

        public boolean retryable() {
            return retryable;
        }
    }
}
