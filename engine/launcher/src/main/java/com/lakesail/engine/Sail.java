package com.lakesail.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A local Sail: a Spark Connect server in its own JVM on 127.0.0.1. {@link #ready()} completes
 * once the server is bound (or fails with the reason it never will be); then {@link #endpoint()}
 * is what clients and runners connect to.
 *
 * <p>Endpoints name {@code localhost}, not 127.0.0.1: the Spark Connect client turns TLS on for
 * every other host as soon as a connection string carries a token, and the local server is
 * plaintext on loopback.
 */
public final class Sail {
    private final SailSpec spec;
    private final ChildProcess process;
    private final int port;
    private final CompletableFuture<Sail> ready = new CompletableFuture<>();
    private volatile Startup startup;

    /**
     * How the start went, as the Sail reported it.
     *
     * @param jvmMillis   from the JVM's start to the Sail's main method
     * @param sparkMillis from there to the Connect service being bound
     * @param readyAfter  from the launch to the launcher seeing the Sail ready
     */
    public record Startup(long jvmMillis, long sparkMillis, Duration readyAfter) {
    }

    Sail(SailSpec spec, ChildProcess process, int port) {
        this.spec = spec;
        this.process = process;
        this.port = port;
    }

    public String id() {
        return spec.id();
    }

    public SailSpec spec() {
        return spec;
    }

    public ChildProcess process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes with this Sail when it is ready; fails with an {@link EngineException} saying why it never will be. */
    public CompletableFuture<Sail> ready() {
        return ready;
    }

    /**
     * Waits until the Sail is ready.
     *
     * @throws EngineException  when it exited or timed out before being ready
     * @throws TimeoutException when {@code timeout} passed first (the Sail keeps starting)
     */
    public Sail awaitReady(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof EngineException ee ? ee : new EngineException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** @throws IllegalStateException before the Sail is ready */
    public Startup startup() {
        Startup s = startup;
        if (s == null) {
            throw new IllegalStateException("sail " + id() + " is not ready");
        }
        return s;
    }

    /** The Spark Connect port on 127.0.0.1, known from the launch on (it answers once ready). */
    public int port() {
        return port;
    }

    /**
     * The Spark Connect connection string, e.g. {@code sc://localhost:41234}; known from the
     * launch on, so a runner can be started while the Sail boots.
     */
    public String endpoint() {
        return "sc://localhost:" + port();
    }

    /** The connection string with a session token, for a gated Sail. */
    public String connectionString(String token) {
        return endpoint() + "/;token=" + token;
    }

    /** Stops the Sail gracefully (Spark shuts down) and waits until its process is gone. */
    public void stop() {
        process.stop();
    }

    /** Kills the Sail at once and waits until its process is gone. */
    public void kill() {
        process.kill();
    }

    void markReady(Startup s) {
        startup = s;
        ready.complete(this);
    }

    void markFailed(EngineException e) {
        ready.completeExceptionally(e);
    }
}
