package com.lakesail.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.exception.SdkClientException;
import com.lakesail.sdk.testing.StubServer;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LakeSailBuilderTest {

    @Test
    void build_whenEndpointMissing_throws() {
        assertThrows(NullPointerException.class, () -> LakeSail.builder().token("lsk_x").build());
    }

    @Test
    void build_whenTokenMissing_throws() {
        assertThrows(NullPointerException.class,
                () -> LakeSail.builder().endpoint(URI.create("http://127.0.0.1:1")).build());
    }

    @Test
    void build_whenEndpointNotHttp_throws() {
        assertThrows(IllegalArgumentException.class,
                () -> LakeSail.builder().endpoint(URI.create("ftp://example.com")).token("lsk_x").build());
    }

    @Test
    void build_whenTimeoutNotPositive_throws() {
        assertThrows(IllegalArgumentException.class, () -> LakeSail.builder().endpoint(URI.create("http://127.0.0.1:1"))
                .token("lsk_x").requestTimeout(Duration.ZERO).build());
    }

    @Test
    void call_whenEndpointHasBasePath_keepsItBeforeApiPath() {
        try (StubServer server = StubServer.start();
                LakeSail lakesail = LakeSail.builder().endpoint(URI.create(server.endpoint() + "/prod/"))
                        .token("lsk_x").build()) {
            server.reply(200, "{\"user\": {\"id\": \"usr_1\"}}");

            lakesail.me().get();

            assertEquals("/prod/v1/me", server.request(0).path());
        }
    }

    @Test
    void call_whenClientClosed_throwsWithoutSending() {
        try (StubServer server = StubServer.start()) {
            LakeSail lakesail = LakeSail.builder().endpoint(server.endpoint()).token("lsk_x").build();
            lakesail.close();

            assertThrows(SdkClientException.class, () -> lakesail.me().get());
            assertEquals(0, server.requests().size());
        }
    }

    @Test
    void toString_whenCalled_neverShowsToken() {
        try (LakeSail lakesail = LakeSail.builder().endpoint(URI.create("http://127.0.0.1:1"))
                .token("lsk_supersecret").organization("org_1").build()) {
            assertFalse(lakesail.toString().contains("lsk_supersecret"));
        }
    }
}
