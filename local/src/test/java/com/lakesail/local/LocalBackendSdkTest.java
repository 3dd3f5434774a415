package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.RetryPolicy;
import com.lakesail.sdk.exception.ConflictException;
import com.lakesail.sdk.exception.ErrorDetail;
import com.lakesail.sdk.exception.IdempotencyKeyReusedException;
import com.lakesail.sdk.exception.LakeSailException;
import com.lakesail.sdk.exception.ResourceNotFoundException;
import com.lakesail.sdk.exception.UnauthenticatedException;
import com.lakesail.sdk.exception.ValidationException;
import com.lakesail.sdk.identity.ApiToken;
import com.lakesail.sdk.identity.CreatedToken;
import com.lakesail.sdk.identity.Me;
import com.lakesail.sdk.identity.SignupResult;
import com.lakesail.sdk.organizations.Organization;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acceptance happy path and error mapping through the SDK, against the embedded backend over HTTP. */
class LocalBackendSdkTest {
    private static final AtomicInteger USERS = new AtomicInteger();
    private static LocalBackend backend;

    @BeforeAll
    static void start() {
        backend = LocalBackend.builder().port(0).inMemory().start();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void sdk_whenSignedUp_walksMeOrganizationsAndTokens() {
        SignupResult signup = signup();
        try (LakeSail lakesail = client(signup.token().secret(), signup.organization().id())) {
            Me me = lakesail.me().get();
            assertEquals(signup.user().id(), me.user().id());
            assertEquals(List.of(signup.organization().id()), me.memberships().stream().map(m -> m.organizationId()).toList());

            Organization acme = lakesail.organizations().create(r -> r.name("acme"));
            Organization renamed = lakesail.organizations()
                    .update(r -> r.organizationId(acme.id()).name("acme-eu").version(acme.version()));
            assertEquals(acme.version() + 1, renamed.version());
            assertEquals("acme-eu", lakesail.organizations().get(acme.id()).name());
            assertEquals(signup.organization().id(), lakesail.organizations().get().id(), "the client's default organization");
            for (int i = 0; i < 3; i++) {
                lakesail.organizations().create(r -> r.name("more"));
            }
            List<String> listed = lakesail.organizations().list(r -> r.limit(2)).stream().map(Organization::id).toList();
            assertEquals(5, listed.size(), listed.toString());
            assertEquals(5, Set.copyOf(listed).size(), "each organization once across pages");

            CreatedToken ci = lakesail.tokens().create(r -> r.name("ci").expiresInDays(7));
            assertTrue(ci.secret().startsWith("lsk_"));
            List<String> tokens = new ArrayList<>();
            for (ApiToken token : lakesail.tokens().list()) {
                tokens.add(token.id());
            }
            assertTrue(tokens.contains(ci.token().id()));
            lakesail.tokens().delete(ci.token().id());
            try (LakeSail revoked = client(ci.secret(), null)) {
                assertThrows(UnauthenticatedException.class, () -> revoked.me().get());
            }
        }
    }

    @Test
    void sdk_whenTokenWrong_throwsUnauthenticatedWithStatusCodeAndRequestId() {
        try (LakeSail lakesail = client("lsk_" + "A".repeat(43), null)) {
            UnauthenticatedException e = assertThrows(UnauthenticatedException.class, () -> lakesail.me().get());

            assertService(e, 401, "Unauthenticated");
        }
    }

    @Test
    void sdk_whenOrganizationBelongsToAnotherUser_throwsResourceNotFound() {
        SignupResult ada = signup();
        SignupResult bob = signup();
        try (LakeSail lakesail = client(ada.token().secret(), ada.organization().id())) {
            ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                    () -> lakesail.organizations().get(bob.organization().id()));

            assertService(e, 404, "ResourceNotFound");
        }
    }

    @Test
    void sdk_whenVersionStale_throwsConflict() {
        SignupResult ada = signup();
        try (LakeSail lakesail = client(ada.token().secret(), ada.organization().id())) {
            String id = ada.organization().id();
            lakesail.organizations().update(r -> r.organizationId(id).name("v2").version(1L));

            ConflictException e = assertThrows(ConflictException.class,
                    () -> lakesail.organizations().update(r -> r.organizationId(id).name("v3").version(1L)));

            assertService(e, 409, "Conflict");
        }
    }

    @Test
    void sdk_whenIdempotencyKeyReusedWithAnotherName_throwsIdempotencyKeyReused() {
        SignupResult ada = signup();
        try (LakeSail lakesail = client(ada.token().secret(), ada.organization().id())) {
            String key = UUID.randomUUID().toString();
            lakesail.organizations().create(r -> r.name("first").idempotencyKey(key));

            IdempotencyKeyReusedException e = assertThrows(IdempotencyKeyReusedException.class,
                    () -> lakesail.organizations().create(r -> r.name("second").idempotencyKey(key)));

            assertService(e, 409, "IdempotencyKeyReused");
        }
    }

    @Test
    void sdk_whenNameInvalid_throwsValidationNamingTheField() {
        SignupResult ada = signup();
        try (LakeSail lakesail = client(ada.token().secret(), ada.organization().id())) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> lakesail.organizations().create(r -> r.name(" ")));

            assertService(e, 400, "ValidationError");
            assertEquals(List.of("name"), e.details().stream().map(ErrorDetail::field).distinct().toList());
        }
    }

    @Test
    void create_whenSentTwiceWithOneIdempotencyKey_returnsOneOrganization() {
        SignupResult ada = signup();
        try (LakeSail lakesail = client(ada.token().secret(), ada.organization().id())) {
            String key = UUID.randomUUID().toString();

            Organization first = lakesail.organizations().create(r -> r.name("once").idempotencyKey(key));
            Organization again = lakesail.organizations().create(r -> r.name("once").idempotencyKey(key));

            assertEquals(first, again);
            assertEquals(2, lakesail.organizations().list().stream().count());
        }
    }

    @Test
    void create_whenFirstResponseLostAndSdkRetries_createsOneOrganization() throws IOException {
        SignupResult ada = signup();
        try (FlakyProxy proxy = new FlakyProxy(backend.endpoint(), 1);
             LakeSail lakesail = LakeSail.builder().endpoint(proxy.endpoint()).token(ada.token().secret())
                     .organization(ada.organization().id())
                     .retryPolicy(RetryPolicy.builder().maxAttempts(3).baseDelay(Duration.ZERO).maxDelay(Duration.ZERO).build())
                     .build()) {

            Organization created = lakesail.organizations().create(r -> r.name("retried"));

            assertEquals(2, proxy.idempotencyKeys().size(), "the create was sent twice: " + proxy.idempotencyKeys());
            assertEquals(1, new HashSet<>(proxy.idempotencyKeys()).size(), "with one key: " + proxy.idempotencyKeys());
            List<Organization> orgs = lakesail.organizations().list().stream().toList();
            assertEquals(2, orgs.size(), "the first attempt's organization was not duplicated: " + orgs);
            assertTrue(orgs.contains(created));
        }
    }

    @Test
    void fromLocalBackend_whenDataDirectoryBootstrapped_actsAsTheDefaultUser(@TempDir Path dataDirectory) {
        try (LocalBackend local = LocalBackend.builder().port(0).dataDirectory(dataDirectory).start()) {
            LocalBackend.Bootstrap boot = local.bootstrap();

            try (LakeSail lakesail = LakeSail.fromLocalBackend(dataDirectory.resolve(LocalBootstrap.CONNECTION_FILE))) {
                assertEquals(boot.userId(), lakesail.me().get().user().id());
                assertEquals(boot.organizationId(), lakesail.organizations().get().id());
                assertEquals(Optional.of(boot.organizationId()), lakesail.organizationId());
            }
        }
    }

    private static void assertService(LakeSailException e, int status, String code) {
        assertEquals(status, e.status());
        assertEquals(code, e.code());
        assertTrue(e.requestId() != null && e.requestId().startsWith("req_"), "request id: " + e.requestId());
        assertTrue(e.getMessage().contains(e.requestId()), e.getMessage());
    }

    private static SignupResult signup() {
        String email = "sdk" + USERS.incrementAndGet() + "-" + UUID.randomUUID() + "@example.com";
        return LakeSail.signup(backend.endpoint(), r -> r.email(email).name("Sdk User").organizationName("home"));
    }

    private static LakeSail client(String token, String organizationId) {
        LakeSail.Builder builder = LakeSail.builder().endpoint(backend.endpoint()).token(token).retryPolicy(RetryPolicy.none());
        if (organizationId != null) {
            builder.organization(organizationId);
        }
        return builder.build();
    }

    /**
     * Forwards requests to the backend, but answers the first {@code failures} POSTs with a 503 after
     * the backend has processed them: a response lost on the way back, as a client sees it.
     */
    private static final class FlakyProxy implements AutoCloseable {
        private final HttpServer server;
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final URI target;
        private final AtomicInteger failuresLeft;
        private final List<String> idempotencyKeys = Collections.synchronizedList(new ArrayList<>());

        FlakyProxy(URI target, int failures) throws IOException {
            this.target = target;
            this.failuresLeft = new AtomicInteger(failures);
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            server.createContext("/", this::forward);
            server.start();
        }

        URI endpoint() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        List<String> idempotencyKeys() {
            return List.copyOf(idempotencyKeys);
        }

        private void forward(HttpExchange exchange) throws IOException {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String method = exchange.getRequestMethod();
                HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                        .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
                copy(exchange, request, "Authorization");
                copy(exchange, request, "Content-Type");
                copy(exchange, request, "Idempotency-Key");
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                if (method.equals("POST")) {
                    idempotencyKeys.add(String.valueOf(key));
                }
                HttpResponse<byte[]> response;
                try {
                    response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                if (method.equals("POST") && failuresLeft.getAndDecrement() > 0) {
                    reply(exchange, 503, "{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"simulated\",\"requestId\":\"req_proxy\"}}"
                            .getBytes(StandardCharsets.UTF_8));
                    return;
                }
                response.headers().firstValue("X-Request-Id").ifPresent(id -> exchange.getResponseHeaders().set("X-Request-Id", id));
                response.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders().set("Content-Type", t));
                reply(exchange, response.statusCode(), response.body());
            }
        }

        private static void copy(HttpExchange exchange, HttpRequest.Builder request, String header) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }

        private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
