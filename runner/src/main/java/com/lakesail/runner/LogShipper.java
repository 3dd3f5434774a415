package com.lakesail.runner;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the runner and the job print goes to the process's own stdout and stderr (the host
 * keeps those) and, line by line, to the control plane as {@code logs} events: at most one a
 * second, or sooner once 200 lines are waiting.
 */
final class LogShipper implements AutoCloseable {
    static final int MAX_LINES = 200;
    private static final long INTERVAL_MILLIS = 1_000;

    private final Callbacks callbacks;
    private final List<String> pending = new ArrayList<>();
    private final Thread thread;
    private boolean closed;

    LogShipper(Callbacks callbacks) {
        this.callbacks = callbacks;
        this.thread = new Thread(this::loop, "lakesail-log-shipper");
        this.thread.setDaemon(true);
    }

    /** Tees System.out and System.err into the shipper and starts it. */
    void install() {
        System.setOut(tee(System.out));
        System.setErr(tee(System.err));
        thread.start();
    }

    synchronized void line(String line) {
        pending.add(line);
        if (pending.size() >= MAX_LINES) {
            notifyAll();
        }
    }

    /** Ships what is waiting and stops; the terminal event goes after the last lines. */
    @Override
    public void close() {
        System.out.flush();
        System.err.flush();
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (true) {
            List<String> batch;
            boolean last;
            synchronized (this) {
                long until = System.currentTimeMillis() + INTERVAL_MILLIS;
                while (!closed && pending.size() < MAX_LINES && System.currentTimeMillis() < until) {
                    try {
                        wait(Math.max(1, until - System.currentTimeMillis()));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                batch = new ArrayList<>(pending.subList(0, Math.min(MAX_LINES, pending.size())));
                pending.subList(0, batch.size()).clear();
                last = closed && pending.isEmpty();
            }
            if (!batch.isEmpty()) {
                ObjectNode event = callbacks.event("logs").put("stream", "runner");
                ArrayNode lines = event.putArray("lines");
                batch.forEach(lines::add);
                callbacks.send(event);
            }
            if (last) {
                return;
            }
        }
    }

    private PrintStream tee(PrintStream original) {
        return new PrintStream(new LineSplitter(original), true, StandardCharsets.UTF_8);
    }

    /** Passes bytes through and hands every complete line to the shipper. */
    private final class LineSplitter extends OutputStream {
        private final PrintStream original;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineSplitter(PrintStream original) {
            this.original = original;
        }

        @Override
        public synchronized void write(int b) {
            original.write(b);
            if (b == '\n') {
                emit();
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            original.write(b, off, len);
            int start = off;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    line.write(b, start, i - start);
                    emit();
                    start = i + 1;
                }
            }
            line.write(b, start, off + len - start);
        }

        @Override
        public synchronized void flush() {
            original.flush();
        }

        private void emit() {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            line(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
        }
    }
}
