package com.lakesail.runner;

import com.lakesail.gate.TokenVerifier;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.HandlerRegistry;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallExecutorSupplier;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerCredentials;
import io.grpc.Status;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The session gate as a proxy: a gRPC server that checks every call's session token and forwards
 * the calls that pass, whatever their method, to the session's Sail. On a cluster the Sail (the real
 * Sail binary, which checks no token) listens on 127.0.0.1 inside the pod and only the proxy's port
 * is exposed; locally the same proxy can stand in front of the local Sail.
 *
 * <p>Checks: {@code authorization: Bearer <jwt>} (what the Spark Connect client sends for
 * {@code ;token=} in {@code sc://host:port/;token=...} over plaintext; over TLS it sends
 * {@code authentication: Bearer <jwt>}, which the proxy takes when there is no {@code authorization},
 * and passes on as {@code authorization}) must pass {@link TokenVerifier}. Any other call
 * is closed with {@code UNAUTHENTICATED} and the verifier's reason, and never reaches the upstream.
 *
 * <p>Forwarding is transparent: any method (unary or streaming, bytes passed through unparsed), the
 * request headers as they came (the {@code authorization} header too, so a gated upstream checks it
 * again), the caller's deadline, the response headers, messages, status and trailers. Flow control
 * is end to end: each side asks for the next message only when the other side can take it, so a slow
 * client slows the Sail's stream instead of filling the proxy's memory. Half-close and cancellation
 * travel both ways: a client that cancels its ExecutePlan stream cancels the upstream call. Messages
 * up to {@link #MAX_MESSAGE_BYTES} pass both ways (Spark Connect's own limit).
 *
 * <pre>
 * GateProxy gate = GateProxy.start("0.0.0.0:15002", "127.0.0.1:50051",
 *         TokenVerifier.create(jwksUrlOrFile, issuer, audience, sessionId));
 * gate.port();   // the bound port (listen "127.0.0.1:0" picks one)
 * gate.close();  // stops accepting, ends the calls in flight, closes the upstream channel
 * </pre>
 *
 * <p>Without {@link Tls} the proxy serves plaintext: on loopback locally, where the Spark Connect client
 * needs {@code sc://localhost:...;token=} (it turns TLS on for a token with any other host). With it the
 * proxy serves TLS with that certificate and key: what a client reaching the gate by any other name
 * (a load balancer's DNS name on a cluster) needs; the session server makes its own
 * ({@link SessionCertificate}).
 */
public final class GateProxy implements AutoCloseable {
    /** The largest message either way: Spark Connect's own default maximum (result batches, local relations). */
    public static final int MAX_MESSAGE_BYTES = 128 << 20;
    /** Headers and trailers: Spark Connect's error details travel in trailers and can be long. */
    private static final int MAX_METADATA_BYTES = 1 << 20;
    private static final long CLOSE_GRACE_MILLIS = 2_000;
    private static final Executor DIRECT = Runnable::run;
    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    /**
     * Where the Spark Connect client (4.0) puts the token when it connects with TLS: its call credentials
     * send {@code authentication: Bearer <jwt>}; only its plaintext ({@code localhost}) path sends
     * {@code authorization}.
     */
    static final Metadata.Key<String> AUTHENTICATION = Metadata.Key.of("authentication", Metadata.ASCII_STRING_MARSHALLER);

    private final Server server;
    private final ManagedChannel upstream;
    private final String upstreamAddress;

    private GateProxy(Server server, ManagedChannel upstream, String upstreamAddress) {
        this.server = server;
        this.upstream = upstream;
        this.upstreamAddress = upstreamAddress;
    }

    /**
     * Starts a proxy listening on {@code listen} ({@code host:port}; port 0 picks a free one) that
     * forwards the calls {@code verifier} accepts to {@code upstream} ({@code host:port}, plaintext).
     * The upstream is connected lazily: a proxy may start before its Sail, and a call while the Sail
     * is down fails with {@code UNAVAILABLE}.
     *
     * @throws IOException when the address cannot be bound
     * @throws IllegalArgumentException when an address is not {@code host:port}
     */
    public static GateProxy start(String listen, String upstream, TokenVerifier verifier) throws IOException {
        return start(listen, upstream, verifier, null);
    }

    /**
     * The server side of the gate's TLS: a certificate chain and its private key, PEM
     * ({@code -----BEGIN CERTIFICATE-----}, then {@code -----BEGIN PRIVATE KEY-----}, PKCS#8).
     */
    public record Tls(String certificateChainPem, String privateKeyPem) {
        public Tls {
            Objects.requireNonNull(certificateChainPem, "certificateChainPem");
            Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        }

        @Override
        public String toString() {
            return "Tls[certificate]";
        }
    }

    /**
     * As {@link #start(String, String, TokenVerifier)}, serving TLS with {@code tls} (plaintext when null).
     *
     * @throws IllegalArgumentException when the certificate or key cannot be read
     */
    public static GateProxy start(String listen, String upstream, TokenVerifier verifier, Tls tls) throws IOException {
        Objects.requireNonNull(verifier, "verifier");
        ServerCredentials credentials = tls == null ? null : credentials(tls);
        InetSocketAddress bind = address(listen, "listen");
        InetSocketAddress target = address(upstream, "upstream");
        ManagedChannel channel = NettyChannelBuilder.forAddress(target.getHostString(), target.getPort())
                .usePlaintext()
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .maxInboundMetadataSize(MAX_METADATA_BYTES)
                // The Sail's own answers, not the proxy's: never replay a call the client made once.
                .disableRetry()
                // The Sail's answers are forwarded from the transport's thread: the listener only
                // hands them on, and never blocks.
                .directExecutor()
                .build();
        Server server;
        try {
            server = (credentials == null ? NettyServerBuilder.forAddress(bind) : NettyServerBuilder.forAddress(bind, credentials))
                    .fallbackHandlerRegistry(new Registry(new Forward(channel, verifier)))
                    .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                    .maxInboundMetadataSize(MAX_METADATA_BYTES)
                    // Clients that keep their connection alive (a notebook between statements) are welcome.
                    .permitKeepAliveTime(10, TimeUnit.SECONDS)
                    .permitKeepAliveWithoutCalls(true)
                    // A call whose token the verifier already knows (every call of a session after its
                    // first) runs on the transport's thread: no hand-off, about half of what the proxy
                    // adds to a SELECT 1. A call that needs a signature check or a JWKS fetch (which may
                    // block for seconds) runs on the default executor, never on the transport's thread.
                    .callExecutor(new ServerCallExecutorSupplier() {
                        @Override
                        public <Q, R> Executor getExecutor(ServerCall<Q, R> call, Metadata headers) {
                            return verifier.answersFromMemory(bearer(headers)) ? DIRECT : null;
                        }
                    })
                    .build();
            server.start();
        } catch (IOException | RuntimeException e) {
            // A key the TLS context refuses, an address in use: nothing of the proxy is left behind.
            channel.shutdownNow();
            throw e;
        }
        return new GateProxy(server, channel, upstream);
    }

    private static ServerCredentials credentials(Tls tls) {
        try {
            return TlsServerCredentials.create(new ByteArrayInputStream(tls.certificateChainPem().getBytes(StandardCharsets.US_ASCII)),
                    new ByteArrayInputStream(tls.privateKeyPem().getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new IllegalArgumentException("the gate's TLS certificate or key cannot be read: " + e.getMessage(), e);
        }
    }

    /** The port the proxy listens on. */
    public int port() {
        return address().getPort();
    }

    /** The address the proxy listens on. */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.getListenSockets().get(0);
    }

    /** Where accepted calls go ({@code host:port}). */
    public String upstream() {
        return upstreamAddress;
    }

    /** Stops listening, gives calls in flight a moment, then cancels them and closes the upstream channel. */
    @Override
    public void close() {
        server.shutdown();
        upstream.shutdown();
        try {
            if (!server.awaitTermination(CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                server.shutdownNow();
                server.awaitTermination(CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
            }
            if (!upstream.awaitTermination(CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                upstream.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            upstream.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** The call's {@code authorization} header, or else its {@code authentication} header (the Spark client's over TLS). */
    static String bearer(Metadata headers) {
        String authorization = headers.get(AUTHORIZATION);
        return authorization != null ? authorization : headers.get(AUTHENTICATION);
    }

    /** {@code host:port}, {@code [v6]:port}. */
    static InetSocketAddress address(String hostPort, String what) {
        if (hostPort == null) {
            throw new IllegalArgumentException("the gate proxy's " + what + " address is required (host:port)");
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("the gate proxy's " + what + " address is not host:port: " + hostPort);
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the gate proxy's " + what + " port is not a number: " + hostPort, e);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the gate proxy's " + what + " port is out of range: " + hostPort);
        }
        return new InetSocketAddress(host, port);
    }

    /** Every method, as bytes: the proxy parses nothing it forwards. */
    private static final class Registry extends HandlerRegistry {
        private final ServerCallHandler<byte[], byte[]> handler;

        Registry(ServerCallHandler<byte[], byte[]> handler) {
            this.handler = handler;
        }

        @Override
        public ServerMethodDefinition<?, ?> lookupMethod(String methodName, String authority) {
            MethodDescriptor<byte[], byte[]> method = MethodDescriptor.<byte[], byte[]>newBuilder()
                    .setFullMethodName(methodName)
                    .setType(MethodDescriptor.MethodType.UNKNOWN)
                    .setRequestMarshaller(Bytes.INSTANCE)
                    .setResponseMarshaller(Bytes.INSTANCE)
                    .build();
            return ServerMethodDefinition.create(method, handler);
        }
    }

    private enum Bytes implements MethodDescriptor.Marshaller<byte[]> {
        INSTANCE;

        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The gate, then one upstream call per accepted call. */
    private static final class Forward implements ServerCallHandler<byte[], byte[]> {
        private final ManagedChannel channel;
        private final TokenVerifier verifier;

        Forward(ManagedChannel channel, TokenVerifier verifier) {
            this.channel = channel;
            this.verifier = verifier;
        }

        @Override
        public ServerCall.Listener<byte[]> startCall(ServerCall<byte[], byte[]> serverCall, Metadata headers) {
            String refusal;
            try {
                refusal = verifier.refusal(bearer(headers));
            } catch (RuntimeException e) {
                // Whatever goes wrong while checking, the call does not pass.
                refusal = "the session token could not be checked";
            }
            if (refusal != null) {
                serverCall.close(Status.UNAUTHENTICATED.withDescription(refusal), new Metadata());
                return new ServerCall.Listener<>() {
                };
            }
            if (headers.get(AUTHORIZATION) == null) {
                // The token came as the Spark client's authentication header: a gated upstream reads authorization.
                headers.put(AUTHORIZATION, bearer(headers));
            }
            CallOptions options = CallOptions.DEFAULT;
            Deadline deadline = Context.current().getDeadline();
            if (deadline != null) {
                options = options.withDeadline(deadline);
            }
            ClientCall<byte[], byte[]> clientCall = channel.newCall(serverCall.getMethodDescriptor(), options);
            CallProxy proxy = new CallProxy(serverCall, clientCall);
            clientCall.start(proxy.responses, headers);
            serverCall.request(1);
            clientCall.request(1);
            return proxy.requests;
        }
    }

    /**
     * One call's two halves (grpc-java's proxy pattern). Each side's listener runs serialized on its
     * own executor; the only methods called across sides are {@code request} (thread-safe) and the
     * other call's send/close methods, each only ever from one side's listener.
     */
    private static final class CallProxy {
        final RequestProxy requests;
        final ResponseProxy responses;

        CallProxy(ServerCall<byte[], byte[]> serverCall, ClientCall<byte[], byte[]> clientCall) {
            this.requests = new RequestProxy(clientCall);
            this.responses = new ResponseProxy(serverCall);
        }

        /** Client → proxy → Sail. */
        private final class RequestProxy extends ServerCall.Listener<byte[]> {
            private final ClientCall<byte[], byte[]> clientCall;
            private boolean needToRequest;

            RequestProxy(ClientCall<byte[], byte[]> clientCall) {
                this.clientCall = clientCall;
            }

            @Override
            public void onCancel() {
                clientCall.cancel("the client cancelled the call", null);
            }

            @Override
            public void onHalfClose() {
                clientCall.halfClose();
            }

            @Override
            public void onMessage(byte[] message) {
                clientCall.sendMessage(message);
                synchronized (this) {
                    if (clientCall.isReady()) {
                        responses.serverCall.request(1);
                    } else {
                        // The Sail is not taking more yet: ask the client for more when it is.
                        needToRequest = true;
                    }
                }
            }

            @Override
            public void onReady() {
                responses.onServerReady();
            }

            /** The upstream call can take more: from the response side's listener. */
            synchronized void onClientReady() {
                if (needToRequest) {
                    // Cleared first: the request may deliver the next message on this very thread, whose
                    // onMessage may set it again (the monitor is reentrant), and that must stand.
                    needToRequest = false;
                    responses.serverCall.request(1);
                }
            }
        }

        /** Sail → proxy → client. */
        private final class ResponseProxy extends ClientCall.Listener<byte[]> {
            private final ServerCall<byte[], byte[]> serverCall;
            private boolean needToRequest;

            ResponseProxy(ServerCall<byte[], byte[]> serverCall) {
                this.serverCall = serverCall;
            }

            @Override
            public void onHeaders(Metadata headers) {
                serverCall.sendHeaders(headers);
            }

            @Override
            public void onMessage(byte[] message) {
                serverCall.sendMessage(message);
                synchronized (this) {
                    if (serverCall.isReady()) {
                        requests.clientCall.request(1);
                    } else {
                        // The client is not taking more yet: ask the Sail for more when it is.
                        needToRequest = true;
                    }
                }
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
                try {
                    serverCall.close(status, trailers);
                } catch (IllegalStateException e) {
                    // Already closed: the client went away first.
                }
            }

            @Override
            public void onReady() {
                requests.onClientReady();
            }

            /** The client can take more: from the request side's listener. */
            synchronized void onServerReady() {
                if (needToRequest) {
                    // Cleared first: with the channel's direct executor, request(1) may deliver the Sail's
                    // next message inline, on this thread; if the client is still not ready, that
                    // onMessage sets it again, and clearing it afterwards lost the wake-up for good
                    // (the Sail then waited on flow control forever).
                    needToRequest = false;
                    requests.clientCall.request(1);
                }
            }
        }
    }
}
