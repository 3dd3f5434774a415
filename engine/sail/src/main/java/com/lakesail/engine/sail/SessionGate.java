package com.lakesail.engine.sail;

import com.lakesail.gate.Jwks;
import com.lakesail.gate.TokenVerifier;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.sparkproject.connect.grpc.Metadata;
import org.sparkproject.connect.grpc.ServerCall;
import org.sparkproject.connect.grpc.ServerCallHandler;
import org.sparkproject.connect.grpc.ServerInterceptor;
import org.sparkproject.connect.grpc.Status;

/**
 * The session gate: refuses every Spark Connect call that does not carry a valid token for this
 * Sail's session ({@code authorization: Bearer <jwt>}, which the Spark Connect client sends for
 * {@code ;token=} in its connection string) with {@code UNAUTHENTICATED}.
 *
 * <p>Spark builds it through {@code spark.connect.grpc.interceptor.classes} with its no-argument
 * constructor, so it reads its settings from the Spark configuration ({@code spark.lakesail.gate.*}).
 * The rules are the shared ones ({@link TokenVerifier}, module {@code gate}); the classes are Spark
 * Connect's relocated gRPC, the only gRPC the server has.
 */
public final class SessionGate implements ServerInterceptor {
    static final String JWKS_FILE = "spark.lakesail.gate.jwksFile";
    static final String ISSUER = "spark.lakesail.gate.issuer";
    static final String AUDIENCE = "spark.lakesail.gate.audience";
    static final String SESSION_ID = "spark.lakesail.gate.sessionId";
    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final TokenVerifier verifier;

    public SessionGate() {
        this(fromConf(conf()));
    }

    SessionGate(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        String refusal = verifier.refusal(headers.get(AUTHORIZATION));
        if (refusal == null) {
            return next.startCall(call, headers);
        }
        call.close(Status.UNAUTHENTICATED.withDescription(refusal), new Metadata());
        return new ServerCall.Listener<>() {
        };
    }

    static TokenVerifier fromConf(SparkConf conf) {
        return new TokenVerifier(Jwks.file(Path.of(required(conf, JWKS_FILE))), required(conf, ISSUER),
                required(conf, AUDIENCE), required(conf, SESSION_ID), Clock.systemUTC());
    }

    private static String required(SparkConf conf, String key) {
        if (!conf.contains(key) || conf.get(key).isBlank()) {
            throw new IllegalStateException("the session gate needs " + key);
        }
        return conf.get(key);
    }

    private static SparkConf conf() {
        SparkEnv env = SparkEnv.get();
        if (env == null) {
            throw new IllegalStateException("the session gate runs inside a Spark driver only");
        }
        return env.conf();
    }
}
