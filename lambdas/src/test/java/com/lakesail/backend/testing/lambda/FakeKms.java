package com.lakesail.backend.testing.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * KMS's {@code GetPublicKey} and {@code Sign} on 127.0.0.1 for one asymmetric key ({@code ECC_NIST_P256},
 * {@code SIGN_VERIFY}), held to the documented JSON protocol: {@code POST /} with
 * {@code Content-Type: application/x-amz-json-1.1}, {@code X-Amz-Target: TrentService.<Operation>} and a
 * SigV4 signature for service {@code kms}; the body's {@code KeyId} must be the key's; blobs are base64.
 * {@code GetPublicKey} answers the DER SubjectPublicKeyInfo; {@code Sign} takes a {@code RAW} message of at
 * most 4096 bytes with {@code ECDSA_SHA_256} and answers the DER-encoded ECDSA signature. Anything else is
 * the protocol's error ({@code __type} and {@code message}). {@link #throttle} makes the next calls
 * answer a {@code ThrottlingException} (400). Point a function at it with {@code AWS_ENDPOINT_URL_KMS=}{@link #endpoint()}.
 */
public final class FakeKms implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String keyId;
    private final KeyPair key;
    /** The targets of the requests it answered, in order. */
    public final List<String> calls = new CopyOnWriteArrayList<>();
    /** How many of the next calls are throttled. */
    public volatile int throttle;

    private FakeKms(HttpServer server, String keyId, KeyPair key) {
        this.server = server;
        this.keyId = keyId;
        this.key = key;
    }

    /** @param keyId the key's ARN, as the function names it */
    public static FakeKms start(String keyId) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        FakeKms kms = new FakeKms(server, keyId, generator.generateKeyPair());
        server.createContext("/", kms::handle);
        server.start();
        return kms;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The key's public half. */
    public ECPublicKey publicKey() {
        return (ECPublicKey) key.getPublic();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            calls.add(target);
            String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals("/")
                    || !"application/x-amz-json-1.1".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                error(exchange, 400, "SerializationException", "POST / with application/x-amz-json-1.1 only");
                return;
            }
            if (!authorization.startsWith("AWS4-HMAC-SHA256 ") || !authorization.contains("/us-east-1/kms/aws4_request")) {
                error(exchange, 400, "IncompleteSignatureException", "not signed with SigV4 for kms: " + authorization);
                return;
            }
            if (throttle > 0) {
                throttle--;
                error(exchange, 400, "ThrottlingException", "Rate exceeded");
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            if (!keyId.equals(request.path("KeyId").asText())) {
                error(exchange, 400, "NotFoundException", "Key '" + request.path("KeyId").asText() + "' does not exist");
                return;
            }
            if (target.equals("TrentService.Sign")) {
                sign(exchange, request);
                return;
            }
            if (!target.equals("TrentService.GetPublicKey")) {
                error(exchange, 400, "UnknownOperationException", "only GetPublicKey and Sign here: " + target);
                return;
            }
            ObjectNode response = JSON.createObjectNode().put("KeyId", keyId)
                    .put("PublicKey", Base64.getEncoder().encodeToString(key.getPublic().getEncoded()))
                    .put("KeySpec", "ECC_NIST_P256").put("CustomerMasterKeySpec", "ECC_NIST_P256")
                    .put("KeyUsage", "SIGN_VERIFY");
            response.putArray("SigningAlgorithms").add("ECDSA_SHA_256");
            respond(exchange, 200, response.toString());
        }
    }

    private void sign(HttpExchange exchange, JsonNode request) throws IOException {
        byte[] message;
        try {
            message = Base64.getDecoder().decode(request.path("Message").asText());
        } catch (IllegalArgumentException e) {
            error(exchange, 400, "SerializationException", "Message is not base64");
            return;
        }
        if (!"RAW".equals(request.path("MessageType").asText()) || !"ECDSA_SHA_256".equals(request.path("SigningAlgorithm").asText())
                || message.length == 0 || message.length > 4096) {
            error(exchange, 400, "ValidationException", "RAW messages of 1 to 4096 bytes with ECDSA_SHA_256 only: " + request);
            return;
        }
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initSign(key.getPrivate());
            ecdsa.update(message);
            ObjectNode response = JSON.createObjectNode().put("KeyId", keyId)
                    .put("Signature", Base64.getEncoder().encodeToString(ecdsa.sign())).put("SigningAlgorithm", "ECDSA_SHA_256");
            respond(exchange, 200, response.toString());
        } catch (GeneralSecurityException e) {
            error(exchange, 500, "KMSInternalException", e.getMessage());
        }
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        respond(exchange, status, JSON.createObjectNode().put("__type", type).put("message", message).toString());
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().add("x-amzn-RequestId", "fake-kms");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
