package com.lakesail.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.gate.TokenVerifier;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GateProxy in front of a small gRPC upstream on loopback, reached by a plain gRPC client. */
class GateProxyTest {
    private static final String SESSION = "ses_1";
    private static final Metadata.Key<String> HEADER = Metadata.Key.of("x-upstream", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<byte[]> DETAIL = Metadata.Key.of("x-detail-bin", Metadata.BINARY_BYTE_MARSHALLER);
    private static final int CHUNK = 64 * 1024;
    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private static final MethodDescriptor<byte[], byte[]> UNARY = method("test.Echo/Unary", MethodDescriptor.MethodType.UNARY);
    private static final MethodDescriptor<byte[], byte[]> STREAM = method("test.Echo/Stream", MethodDescriptor.MethodType.SERVER_STREAMING);
    private static final MethodDescriptor<byte[], byte[]> BIDI = method("test.Echo/Bidi", MethodDescriptor.MethodType.BIDI_STREAMING);
    private static final MethodDescriptor<byte[], byte[]> HANG = method("test.Echo/Hang", MethodDescriptor.MethodType.SERVER_STREAMING);
    private static final MethodDescriptor<byte[], byte[]> FAIL = method("test.Echo/Fail", MethodDescriptor.MethodType.UNARY);

    private static ECKey key;
    private static Server upstream;
    private static GateProxy proxy;
    private static ManagedChannel client;
    private static final AtomicInteger calls = new AtomicInteger();
    private static final AtomicReference<String> seenAuthorization = new AtomicReference<>();
    private static final AtomicInteger streamSent = new AtomicInteger();
    private static final CompletableFuture<Void>[] hangCancelled = newFutures();

    @SuppressWarnings("unchecked")
    private static CompletableFuture<Void>[] newFutures() {
        return new CompletableFuture[] {new CompletableFuture<Void>()};
    }

    @BeforeAll
    static void start() throws Exception {
        key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        upstream = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(service())
                .intercept(new io.grpc.ServerInterceptor() {
                    @Override
                    public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(io.grpc.ServerCall<Q, R> call, Metadata headers,
                                                                              io.grpc.ServerCallHandler<Q, R> next) {
                        calls.incrementAndGet();
                        seenAuthorization.set(headers.get(GateProxy.AUTHORIZATION));
                        if (call.getMethodDescriptor().getFullMethodName().equals(FAIL.getFullMethodName())) {
                            Metadata h = new Metadata();
                            h.put(HEADER, "yes");
                            call.sendHeaders(h);
                        }
                        return next.startCall(call, headers);
                    }
                })
                .maxInboundMessageSize(GateProxy.MAX_MESSAGE_BYTES)
                .build().start();
        TokenVerifier verifier = new TokenVerifier(new ImmutableJWKSet<SecurityContext>(new JWKSet(key.toPublicJWK())),
                "iss-1", "aud-1", SESSION, Clock.systemUTC());
        proxy = GateProxy.start("127.0.0.1:0", "127.0.0.1:" + upstream.getPort(), verifier);
        client = NettyChannelBuilder.forAddress("127.0.0.1", proxy.port()).usePlaintext()
                .maxInboundMessageSize(GateProxy.MAX_MESSAGE_BYTES).build();
    }

    @AfterAll
    static void stop() throws Exception {
        client.shutdownNow();
        proxy.close();
        upstream.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @BeforeEach
    void reset() {
        calls.set(0);
        seenAuthorization.set(null);
    }

    @Test
    void unary_withValidToken_reachesUpstreamWithItsAuthorization() throws Exception {
        String token = token(c -> c);
        byte[] answer = ClientCalls.blockingUnaryCall(client, UNARY, withToken(token), "hello".getBytes());

        assertEquals("hello", new String(answer));
        assertEquals(1, calls.get());
        assertEquals("Bearer " + token, seenAuthorization.get());
    }

    @Test
    void call_withoutOrWithBadToken_isRefusedUnauthenticated_andNeverReachesUpstream() throws Exception {
        ECKey other = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        assertRefused(CallOptions.DEFAULT, "a session token is required (sc://host:port/;token=...)");
        assertRefused(withToken("not-a-jwt"), "the session token is not valid");
        assertRefused(withToken(token(other, c -> c)), "the session token is not valid");
        assertRefused(withToken(token(c -> c.expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5)))))),
                "the session token has expired");
        assertRefused(withToken(token(c -> c.claim("sid", "ses_2"))), "the session token is for another session");
        assertRefused(withToken(token(c -> c.issuer("someone-else"))), "the session token is not valid");
        assertRefused(withToken(token(c -> c.audience("another-service"))), "the session token is not valid");

        assertEquals(0, calls.get());
    }

    @Test
    void tls_withACertificate_admitsClientsTrustingIt_andNoOthers() throws Exception {
        SessionCertificate certificate = SessionCertificate.generate("127.0.0.1", Instant.now());
        TokenVerifier verifier = new TokenVerifier(new ImmutableJWKSet<SecurityContext>(new JWKSet(key.toPublicJWK())),
                "iss-1", "aud-1", SESSION, Clock.systemUTC());
        try (GateProxy tls = GateProxy.start("127.0.0.1:0", "127.0.0.1:" + upstream.getPort(), verifier, certificate.tls())) {
            ManagedChannel trusting = NettyChannelBuilder.forAddress("127.0.0.1", tls.port(), trusting(certificate.certificatePem()))
                    .build();
            ManagedChannel trustingAnother = NettyChannelBuilder.forAddress("127.0.0.1", tls.port(),
                    trusting(SessionCertificate.generate("127.0.0.1", Instant.now()).certificatePem())).build();
            ManagedChannel defaultTrust = NettyChannelBuilder.forAddress("127.0.0.1", tls.port(),
                    io.grpc.TlsChannelCredentials.create()).build();
            ManagedChannel plaintext = NettyChannelBuilder.forAddress("127.0.0.1", tls.port()).usePlaintext().build();
            try {
                String token = token(c -> c);
                assertEquals("tls", new String(ClientCalls.blockingUnaryCall(trusting, UNARY, withToken(token), "tls".getBytes())));
                assertEquals("Bearer " + token, seenAuthorization.get());
                // The Spark Connect client's header over TLS: authentication, passed on as authorization.
                assertEquals("spark", new String(ClientCalls.blockingUnaryCall(trusting, UNARY,
                        withHeader(GateProxy.AUTHENTICATION, token), "spark".getBytes())));
                assertEquals("Bearer " + token, seenAuthorization.get());
                StatusRuntimeException badAuthentication = assertThrows(StatusRuntimeException.class,
                        () -> ClientCalls.blockingUnaryCall(trusting, UNARY, withHeader(GateProxy.AUTHENTICATION, "not-a-jwt"),
                                "x".getBytes()));
                assertEquals(Status.Code.UNAUTHENTICATED, badAuthentication.getStatus().getCode());
                // The gate still checks the token behind TLS.
                StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                        () -> ClientCalls.blockingUnaryCall(trusting, UNARY, CallOptions.DEFAULT, "x".getBytes()));
                assertEquals(Status.Code.UNAUTHENTICATED, refused.getStatus().getCode());
                calls.set(0);
                for (ManagedChannel other : List.of(trustingAnother, defaultTrust, plaintext)) {
                    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                            () -> ClientCalls.blockingUnaryCall(other, UNARY, withToken(token).withDeadlineAfter(10, TimeUnit.SECONDS),
                                    "x".getBytes()));
                    assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), String.valueOf(e));
                }
                assertEquals(0, calls.get());
            } finally {
                for (ManagedChannel c : List.of(trusting, trustingAnother, defaultTrust, plaintext)) {
                    c.shutdownNow();
                }
            }
        }
        // Without a certificate the gate stays plaintext (the shared proxy).
        assertEquals("plain", new String(ClientCalls.blockingUnaryCall(client, UNARY, withToken(token(c -> c)), "plain".getBytes())));
    }

    @Test
    void tls_withAKeyThatIsNotPem_isRefusedAtStart() {
        TokenVerifier verifier = new TokenVerifier(new ImmutableJWKSet<SecurityContext>(new JWKSet(key.toPublicJWK())),
                "iss-1", "aud-1", SESSION, Clock.systemUTC());
        SessionCertificate certificate = SessionCertificate.generate("127.0.0.1", Instant.now());
        assertThrows(IllegalArgumentException.class, () -> GateProxy.start("127.0.0.1:0", "127.0.0.1:1", verifier,
                new GateProxy.Tls(certificate.certificatePem(), "not a key")).close());
    }

    private static io.grpc.ChannelCredentials trusting(String pem) throws IOException {
        return io.grpc.TlsChannelCredentials.newBuilder()
                .trustManager(new ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII))).build();
    }

    private static void assertRefused(CallOptions options, String reason) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> ClientCalls.blockingUnaryCall(client, UNARY, options, "x".getBytes()));
        assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
        assertEquals(reason, e.getStatus().getDescription());
        // Streaming methods too: refused before any message flows.
        StatusRuntimeException s = assertThrows(StatusRuntimeException.class,
                () -> ClientCalls.blockingServerStreamingCall(client, STREAM, options, count(3, 10)).hasNext());
        assertEquals(Status.Code.UNAUTHENTICATED, s.getStatus().getCode());
    }

    @Test
    void fail_passesStatusHeadersAndTrailersThrough() throws Exception {
        AtomicReference<Metadata> headers = new AtomicReference<>();
        AtomicReference<Metadata> trailers = new AtomicReference<>();
        CompletableFuture<Status> closed = new CompletableFuture<>();
        ClientCall<byte[], byte[]> call = client.newCall(FAIL, withToken(token(c -> c)));
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onHeaders(Metadata h) {
                headers.set(h);
            }

            @Override
            public void onClose(Status status, Metadata t) {
                trailers.set(t);
                closed.complete(status);
            }
        }, new Metadata());
        call.sendMessage("x".getBytes());
        call.halfClose();
        call.request(1);

        Status status = closed.get(10, TimeUnit.SECONDS);
        assertEquals(Status.Code.FAILED_PRECONDITION, status.getCode());
        assertEquals("boom", status.getDescription());
        assertEquals("yes", headers.get().get(HEADER));
        assertArrayEquals(new byte[] {1, 2, 3}, trailers.get().get(DETAIL));
    }

    @Test
    void stream_ofManyAndLargeMessages_arrivesWholeAndInOrder() throws Exception {
        Iterator<byte[]> it = ClientCalls.blockingServerStreamingCall(client, STREAM, withToken(token(c -> c)), count(300, CHUNK));
        int n = 0;
        while (it.hasNext()) {
            byte[] m = it.next();
            assertEquals(CHUNK, m.length);
            assertEquals(n, ByteBuffer.wrap(m).getInt());
            n++;
        }
        assertEquals(300, n);

        // One message near Spark Connect's limit, both ways.
        byte[] big = new byte[48 << 20];
        Arrays.fill(big, (byte) 7);
        big[big.length - 1] = 9;
        assertArrayEquals(big, ClientCalls.blockingUnaryCall(client, UNARY, withToken(token(c -> c)), big));
    }

    @Test
    void stream_toASlowClient_isHeldBackAtTheUpstream() throws Exception {
        int total = 2_000;
        streamSent.set(0);
        LinkedBlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
        CompletableFuture<Status> closed = new CompletableFuture<>();
        ClientCall<byte[], byte[]> call = client.newCall(STREAM, withToken(token(c -> c)));
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onMessage(byte[] message) {
                received.add(message);
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
                closed.complete(status);
            }
        }, new Metadata());
        call.sendMessage(count(total, CHUNK));
        call.halfClose();
        call.request(1);

        assertTrue(received.poll(10, TimeUnit.SECONDS) != null);
        Thread.sleep(1_000);
        // 2000 x 64 KiB = 125 MiB would be sent at once without flow control; the HTTP/2 windows
        // of the two hops and a message or two inside the proxy hold a few MiB at most.
        int sentWhileWaiting = streamSent.get();
        assertTrue(sentWhileWaiting < 200, "upstream sent " + sentWhileWaiting + " messages to a client that took one");

        call.request(Integer.MAX_VALUE);
        assertEquals(Status.Code.OK, closed.get(60, TimeUnit.SECONDS).getCode());
        assertEquals(total - 1, received.size());
    }

    @Test
    void bidi_echoesEachMessage_andEndsOnHalfClose() throws Exception {
        List<String> answers = new ArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        StreamObserver<byte[]> requests = ClientCalls.asyncBidiStreamingCall(client.newCall(BIDI, withToken(token(c -> c))),
                new StreamObserver<>() {
                    @Override
                    public void onNext(byte[] value) {
                        synchronized (answers) {
                            answers.add(new String(value));
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        done.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                        done.complete(null);
                    }
                });
        for (int i = 0; i < 50; i++) {
            requests.onNext(("m" + i).getBytes());
        }
        requests.onCompleted();
        done.get(10, TimeUnit.SECONDS);
        assertEquals(50, answers.size());
        assertEquals("m49", answers.get(49));
    }

    @Test
    void cancel_byTheClient_cancelsTheUpstreamCall() throws Exception {
        hangCancelled[0] = new CompletableFuture<>();
        CountDownLatch first = new CountDownLatch(1);
        ClientCall<byte[], byte[]> call = client.newCall(HANG, withToken(token(c -> c)));
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onMessage(byte[] message) {
                first.countDown();
            }
        }, new Metadata());
        call.sendMessage("x".getBytes());
        call.halfClose();
        call.request(1);
        assertTrue(first.await(10, TimeUnit.SECONDS));

        call.cancel("the user pressed Ctrl-C", null);

        hangCancelled[0].get(10, TimeUnit.SECONDS);
    }

    @Test
    void deadline_ofTheClient_reachesTheUpstream() throws Exception {
        hangCancelled[0] = new CompletableFuture<>();
        Iterator<byte[]> it = ClientCalls.blockingServerStreamingCall(client, HANG,
                withToken(token(c -> c)).withDeadlineAfter(3, TimeUnit.SECONDS), "x".getBytes());
        assertEquals("started", new String(it.next()));
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, it::hasNext);
        assertEquals(Status.Code.DEADLINE_EXCEEDED, e.getStatus().getCode());
        hangCancelled[0].get(10, TimeUnit.SECONDS);
    }

    @Test
    void call_whenUpstreamIsDown_isUnavailable() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        TokenVerifier verifier = new TokenVerifier(new ImmutableJWKSet<SecurityContext>(new JWKSet(key.toPublicJWK())),
                "iss-1", "aud-1", SESSION, Clock.systemUTC());
        try (GateProxy lonely = GateProxy.start("127.0.0.1:0", "127.0.0.1:" + port, verifier)) {
            ManagedChannel c = NettyChannelBuilder.forAddress("127.0.0.1", lonely.port()).usePlaintext().build();
            try {
                StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                        () -> ClientCalls.blockingUnaryCall(c, UNARY, withToken(token(x -> x)), "x".getBytes()));
                assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
            } finally {
                c.shutdownNow();
            }
        }
    }

    @Test
    void start_withBadAddresses_saysWhich() {
        TokenVerifier verifier = new TokenVerifier(new ImmutableJWKSet<SecurityContext>(new JWKSet()), "i", "a", "s", Clock.systemUTC());
        assertEquals("the gate proxy's listen address is not host:port: 15002",
                assertThrows(IllegalArgumentException.class, () -> GateProxy.start("15002", "127.0.0.1:1", verifier)).getMessage());
        assertEquals("the gate proxy's upstream port is not a number: 127.0.0.1:x",
                assertThrows(IllegalArgumentException.class, () -> GateProxy.start("127.0.0.1:0", "127.0.0.1:x", verifier)).getMessage());
        assertEquals(new InetSocketAddress("::1", 5), GateProxy.address("[::1]:5", "listen"));
    }

    private static ServerServiceDefinition service() {
        return ServerServiceDefinition.builder("test.Echo")
                .addMethod(UNARY, ServerCalls.asyncUnaryCall((request, response) -> {
                    response.onNext(request);
                    response.onCompleted();
                }))
                .addMethod(STREAM, ServerCalls.asyncServerStreamingCall((request, response) -> {
                    ByteBuffer b = ByteBuffer.wrap(request);
                    int count = b.getInt();
                    int size = b.getInt();
                    ServerCallStreamObserver<byte[]> out = (ServerCallStreamObserver<byte[]>) response;
                    int[] next = {0};
                    // Sends only while the transport says it can take more: what a well-behaved server
                    // (Spark Connect's) does, and what lets a slow client hold it back.
                    out.setOnReadyHandler(() -> {
                        while (out.isReady() && next[0] < count) {
                            byte[] m = new byte[size];
                            ByteBuffer.wrap(m).putInt(next[0]++);
                            out.onNext(m);
                            streamSent.incrementAndGet();
                        }
                        if (next[0] == count) {
                            next[0]++;
                            out.onCompleted();
                        }
                    });
                }))
                .addMethod(BIDI, ServerCalls.asyncBidiStreamingCall((StreamObserver<byte[]> response) -> new StreamObserver<byte[]>() {
                    @Override
                    public void onNext(byte[] value) {
                        response.onNext(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                    }

                    @Override
                    public void onCompleted() {
                        response.onCompleted();
                    }
                }))
                .addMethod(HANG, ServerCalls.asyncServerStreamingCall((request, response) -> {
                    ServerCallStreamObserver<byte[]> out = (ServerCallStreamObserver<byte[]>) response;
                    CompletableFuture<Void> cancelled = hangCancelled[0];
                    out.setOnCancelHandler(() -> cancelled.complete(null));
                    out.onNext("started".getBytes());
                }))
                .addMethod(FAIL, ServerCalls.asyncUnaryCall((request, response) -> {
                    Metadata trailers = new Metadata();
                    trailers.put(DETAIL, new byte[] {1, 2, 3});
                    response.onError(Status.FAILED_PRECONDITION.withDescription("boom").asRuntimeException(trailers));
                }))
                .build();
    }

    private static byte[] count(int count, int size) {
        return ByteBuffer.allocate(8).putInt(count).putInt(size).array();
    }

    private static CallOptions withToken(String token) {
        return withHeader(GateProxy.AUTHORIZATION, token);
    }

    private static CallOptions withHeader(Metadata.Key<String> header, String token) {
        return CallOptions.DEFAULT.withCallCredentials(new io.grpc.CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, java.util.concurrent.Executor executor, MetadataApplier applier) {
                Metadata m = new Metadata();
                m.put(header, "Bearer " + token);
                applier.apply(m);
            }
        });
    }

    private static String token(UnaryOperator<JWTClaimsSet.Builder> edit) throws Exception {
        return token(key, edit);
    }

    private static String token(ECKey signer, UnaryOperator<JWTClaimsSet.Builder> edit) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("iss-1").audience("aud-1").subject("mem_1")
                .claim("sid", SESSION).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1))));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signer.getKeyID()).build(),
                edit.apply(claims).build());
        jwt.sign(new ECDSASigner(signer));
        return jwt.serialize();
    }

    private static MethodDescriptor<byte[], byte[]> method(String name, MethodDescriptor.MethodType type) {
        return MethodDescriptor.<byte[], byte[]>newBuilder().setFullMethodName(name).setType(type)
                .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
    }
}
