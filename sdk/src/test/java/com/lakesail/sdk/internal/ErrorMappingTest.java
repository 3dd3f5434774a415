package com.lakesail.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.RetryPolicy;
import com.lakesail.sdk.exception.AccessDeniedException;
import com.lakesail.sdk.exception.ConflictException;
import com.lakesail.sdk.exception.ErrorDetail;
import com.lakesail.sdk.exception.IdempotencyKeyReusedException;
import com.lakesail.sdk.exception.InternalErrorException;
import com.lakesail.sdk.exception.LakeSailException;
import com.lakesail.sdk.exception.MethodNotAllowedException;
import com.lakesail.sdk.exception.PayloadTooLargeException;
import com.lakesail.sdk.exception.ResourceNotFoundException;
import com.lakesail.sdk.exception.ThrottledException;
import com.lakesail.sdk.exception.UnauthenticatedException;
import com.lakesail.sdk.exception.ValidationException;
import com.lakesail.sdk.testing.StubServer;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMappingTest {
    private StubServer server;
    private LakeSail lakesail;

    @BeforeEach
    void start() {
        server = StubServer.start();
        lakesail = new DefaultLakeSailBuilder().endpoint(server.endpoint()).token("lsk_test")
                .organization("org_1").retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        lakesail.close();
        server.close();
    }

    static Stream<Arguments> codes() {
        return Stream.of(
                Arguments.of(400, "ValidationError", ValidationException.class),
                Arguments.of(401, "Unauthenticated", UnauthenticatedException.class),
                Arguments.of(403, "AccessDenied", AccessDeniedException.class),
                Arguments.of(404, "ResourceNotFound", ResourceNotFoundException.class),
                Arguments.of(405, "MethodNotAllowed", MethodNotAllowedException.class),
                Arguments.of(413, "PayloadTooLarge", PayloadTooLargeException.class),
                Arguments.of(409, "Conflict", ConflictException.class),
                Arguments.of(409, "IdempotencyKeyReused", IdempotencyKeyReusedException.class),
                Arguments.of(429, "Throttled", ThrottledException.class),
                Arguments.of(500, "InternalError", InternalErrorException.class));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("codes")
    void get_whenServiceAnswersErrorCode_throwsItsExceptionWithStatusCodeAndRequestId(int status, String code,
            Class<? extends LakeSailException> expected) {
        server.replyError(status, code, "it went wrong");

        LakeSailException e = assertThrows(LakeSailException.class, () -> lakesail.organizations().get("org_1"));

        assertSame(expected, e.getClass());
        assertEquals(status, e.status());
        assertEquals(code, e.code());
        assertEquals("req_" + status, e.requestId());
        assertEquals("it went wrong", e.errorMessage());
        assertTrue(e.getMessage().contains("req_" + status), e.getMessage());
    }

    @Test
    void create_whenValidationErrorHasDetails_exposesEachFieldAndMessage() {
        server.reply(400, """
                {"error": {"code": "ValidationError", "message": "invalid request", "requestId": "req_v",
                  "details": [{"field": "name", "message": "must not be blank"},
                              {"field": "expiresInDays", "message": "must be between 1 and 365"}]}}""");

        ValidationException e = assertThrows(ValidationException.class,
                () -> lakesail.tokens().create(r -> r.name("").expiresInDays(0)));

        assertEquals(List.of(new ErrorDetail("name", "must not be blank"),
                new ErrorDetail("expiresInDays", "must be between 1 and 365")), e.details());
        assertTrue(e.getMessage().contains("name: must not be blank"), e.getMessage());
    }

    @Test
    void create_whenMessageAlreadyListsDetails_saysThemOnce() {
        server.reply(400, """
                {"error": {"code": "ValidationError", "message": "name: must not be blank", "requestId": "req_v",
                  "details": [{"field": "name", "message": "must not be blank"}]}}""");

        ValidationException e = assertThrows(ValidationException.class, () -> lakesail.tokens().create(r -> r.name("")));

        assertEquals(e.getMessage().indexOf("must not be blank"), e.getMessage().lastIndexOf("must not be blank"),
                e.getMessage());
    }

    @Test
    void get_whenBodyLacksRequestId_takesItFromHeader() {
        server.reply(404, "{\"error\": {\"code\": \"ResourceNotFound\", \"message\": \"no such organization\"}}",
                "X-Request-Id", "req_from_header");

        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                () -> lakesail.organizations().get("org_other"));

        assertEquals("req_from_header", e.requestId());
    }

    @Test
    void get_whenProxyAnswersNonJson5xx_throwsInternalErrorWithStatusAndBodyExcerpt() {
        server.reply(502, "<html>Bad Gateway</html>", "X-Request-Id", "req_gw");

        InternalErrorException e = assertThrows(InternalErrorException.class, () -> lakesail.me().get());

        assertEquals(502, e.status());
        assertEquals("InternalError", e.code());
        assertEquals("req_gw", e.requestId());
        assertTrue(e.errorMessage().contains("Bad Gateway"), e.errorMessage());
    }

    @Test
    void get_whenUnknownCodeOnKnownStatus_statusPicksTheException() {
        server.replyError(409, "DependentsExist", "networks still use it");

        ConflictException e = assertThrows(ConflictException.class, () -> lakesail.organizations().get("org_1"));

        assertEquals("DependentsExist", e.code());
    }

    @Test
    void get_whenProxyAnswers413WithoutBody_throwsPayloadTooLarge() {
        server.reply(413, null);

        PayloadTooLargeException e = assertThrows(PayloadTooLargeException.class, () -> lakesail.me().get());

        assertEquals(413, e.status());
        assertEquals("PayloadTooLarge", e.code());
    }

    @Test
    void get_whenUnknownStatusWithoutBody_throwsBaseExceptionWithUnknownCode() {
        server.reply(418, null);

        LakeSailException e = assertThrows(LakeSailException.class, () -> lakesail.me().get());

        assertSame(LakeSailException.class, e.getClass());
        assertEquals(418, e.status());
        assertEquals("Unknown", e.code());
        assertNull(e.requestId());
        assertTrue(e.details().isEmpty());
    }

    @Test
    void get_whenThrottledWithRetryAfter_exposesIt() {
        server.reply(429, "{\"error\": {\"code\": \"Throttled\", \"message\": \"slow down\"}}", "Retry-After", "7");

        ThrottledException e = assertThrows(ThrottledException.class, () -> lakesail.me().get());

        assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
        assertInstanceOf(LakeSailException.class, e);
    }
}
