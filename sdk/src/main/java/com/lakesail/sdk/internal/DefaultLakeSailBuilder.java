package com.lakesail.sdk.internal;

import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.RetryPolicy;
import com.lakesail.sdk.identity.SignupRequest;
import com.lakesail.sdk.identity.SignupResult;
import com.lakesail.sdk.waiter.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Builds the default client. Besides {@link LakeSail.Builder} it takes the clock, sleeper and
 * jitter source, so tests can check retry pauses without sleeping.
 */
public final class DefaultLakeSailBuilder implements LakeSail.Builder {
    private URI endpoint;
    private String token;
    private String organizationId;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private RetryPolicy retryPolicy = RetryPolicy.defaultPolicy();
    private String userAgentSuffix;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
    private String unreachableHint;

    @Override
    public DefaultLakeSailBuilder endpoint(URI endpoint) {
        this.endpoint = endpoint;
        return this;
    }

    @Override
    public DefaultLakeSailBuilder token(String token) {
        this.token = token;
        return this;
    }

    @Override
    public DefaultLakeSailBuilder organization(String organizationId) {
        this.organizationId = organizationId;
        return this;
    }

    @Override
    public DefaultLakeSailBuilder connectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        return this;
    }

    @Override
    public DefaultLakeSailBuilder requestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
        return this;
    }

    @Override
    public DefaultLakeSailBuilder retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = retryPolicy;
        return this;
    }

    @Override
    public DefaultLakeSailBuilder userAgentSuffix(String userAgentSuffix) {
        this.userAgentSuffix = userAgentSuffix;
        return this;
    }

    /** Reads the time for {@code Retry-After} dates. */
    public DefaultLakeSailBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Pauses between attempts. */
    public DefaultLakeSailBuilder sleeper(Sleeper sleeper) {
        this.sleeper = sleeper;
        return this;
    }

    /** Yields the random fraction in [0, 1) of each backoff cap that is slept. */
    public DefaultLakeSailBuilder jitter(DoubleSupplier jitter) {
        this.jitter = jitter;
        return this;
    }

    /** Appended to the message of a request that could not reach the endpoint: the likely cause and the remedy. */
    public DefaultLakeSailBuilder unreachableHint(String unreachableHint) {
        this.unreachableHint = unreachableHint;
        return this;
    }

    @Override
    public LakeSail build() {
        Objects.requireNonNull(token, "token");
        return new DefaultLakeSail(new RestClient(settings()), organizationId, true);
    }

    /** Signs up with these settings; a token is not needed. */
    public SignupResult signup(SignupRequest request) {
        try (RestClient rest = new RestClient(settings())) {
            return DefaultLakeSail.signup(rest, request);
        }
    }

    private ClientSettings settings() {
        Objects.requireNonNull(endpoint, "endpoint");
        if (!"http".equalsIgnoreCase(endpoint.getScheme()) && !"https".equalsIgnoreCase(endpoint.getScheme())) {
            throw new IllegalArgumentException("endpoint must be an http or https URI, was " + endpoint);
        }
        if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
            throw new IllegalArgumentException("endpoint must not have a query or fragment, was " + endpoint);
        }
        return new ClientSettings(endpoint, token, positive(connectTimeout, "connectTimeout"),
                positive(requestTimeout, "requestTimeout"), Objects.requireNonNull(retryPolicy, "retryPolicy"),
                UserAgent.of(userAgentSuffix), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(sleeper, "sleeper"), Objects.requireNonNull(jitter, "jitter"),
                unreachableHint);
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }
}
