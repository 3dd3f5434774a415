package com.lakesail.bench;

import com.lakesail.backend.port.Workflows;
import com.lakesail.engine.EngineLauncher;
import com.lakesail.engine.internal.ChildProgram;
import com.lakesail.local.LocalBackend;
import com.lakesail.local.sandbox.SandboxTimings;
import com.lakesail.local.workflow.HistoryEvent;
import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.infrastructure.AccessPolicy;
import com.lakesail.sdk.infrastructure.CloudAccount;
import com.lakesail.sdk.infrastructure.Cluster;
import com.lakesail.sdk.infrastructure.Network;
import com.lakesail.sdk.jobs.Job;
import com.lakesail.sdk.jobs.JobRun;
import com.lakesail.sdk.jobs.JobRunHandle;
import com.lakesail.sdk.jobs.JobRunStatus;
import com.lakesail.sdk.jobs.LogLine;
import com.lakesail.sdk.jobs.StatusChange;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a job run takes on the local backend, end to end, against the bare baseline measured in
 * the same program: submit-to-succeeded of a {@code SELECT 1} job with a fresh Sail per run (p50),
 * the same with 4 runs at once, where a run's time goes (from its workflow's history), the peak RSS
 * of one Sail, and the state transitions per run. The baseline is the engine bench's
 * ({@code com.lakesail.engine.bench.Baseline}: a stock Spark Connect server started and asked
 * {@code SELECT 1}), run in a child JVM, since the Spark Connect client cannot share the backend's
 * classpath, and measured between the runs so both see the same machine.
 *
 * <p>{@code mvn -B -q install -DskipTests && mvn -B -q -pl bench exec:java -Dbench.main=com.lakesail.bench.JobRunBench
 * [-Dexec.args=7]} (the number of sequential runs, 5 unless given). Goals on 2 cores: p50 at most 8 s,
 * at most 1.5 times the baseline.
 */
public final class JobRunBench {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Pattern READY = Pattern.compile("LAKESAIL-SAIL-READY port=\\d+ jvmMillis=(\\d+) sparkMillis=(\\d+)");

    private final LocalBackend backend;
    private final LakeSail lakesail;
    private final Map<Long, Long> peakRssKb = new ConcurrentHashMap<>();

    private JobRunBench(LocalBackend backend, LakeSail lakesail) {
        this.backend = backend;
        this.lakesail = lakesail;
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Files.createTempDirectory("lakesail-job-run-bench");
        System.out.printf("LakeSail job-run bench: a SELECT 1 job, a fresh Sail per run, %d runs, %d cores, JDK %s%n", runs,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try (Baseline baseline = Baseline.start(dir.resolve("baseline"));
             LocalBackend backend = LocalBackend.builder().port(0).inMemory().sandboxTimings(SandboxTimings.instant()).start()) {
            LocalBackend.Bootstrap boot = backend.bootstrap();
            try (LakeSail lakesail = LakeSail.builder().endpoint(backend.endpoint()).token(boot.token())
                    .organization(boot.organizationId()).build()) {
                new JobRunBench(backend, lakesail).run(runs, baseline);
            }
        }
        // The SDK's and the backend's executors may hold non-daemon threads for a moment.
        System.exit(0);
    }

    private void run(int runs, Baseline baseline) throws Exception {
        Job job = job();
        Thread sampler = startRssSampler();
        // Warm-up: the page cache, the class data archives (trained by the first Sail and runner), the JIT.
        for (int i = 0; i < 2; i++) {
            timed(job);
        }
        List<Long> bare = new ArrayList<>();
        List<Timed> sequential = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            bare.add(baseline.measure());
            sequential.add(timed(job));
        }
        long bareP50 = p50(bare);
        List<Long> latencies = sequential.stream().map(Timed::millis).toList();
        long p50 = p50(latencies);
        System.out.printf("%nBaseline: bare Spark Connect server, start to SELECT 1 answered      p50 %6d ms  %s%n", bareP50, bare);
        System.out.printf("Job run, submit to succeeded seen by the client (polling %d ms)    p50 %6d ms  %s  = %.2f x bare%n",
                POLL.toMillis(), p50, latencies, (double) p50 / bareP50);
        List<Long> server = sequential.stream().map(t -> t.serverMillis).toList();
        System.out.printf("  as the run records it (created to succeeded)                     p50 %6d ms  %s%n", p50(server), server);
        breakdown(sequential);

        List<Timed> concurrent = concurrently(job, 4);
        List<Long> together = concurrent.stream().map(Timed::millis).toList();
        System.out.printf("%n4 runs at once, each submit to succeeded                          p50 %6d ms  max %d ms  %s%n",
                p50(together), Collections.max(together), together);
        sampler.interrupt();
        System.out.printf("%nPeak RSS of one Sail (VmHWM, -Xmx%d m, SELECT 1 runs): max %d MiB, p50 %d MiB over %d Sails%n",
                backend.engine().sailMemoryMb(), Collections.max(peakRssKb.values()) / 1024, p50(new ArrayList<>(peakRssKb.values())) / 1024,
                peakRssKb.size());
        List<Long> transitions = sequential.stream().map(t -> (long) t.transitions).distinct().toList();
        System.out.printf("State transitions per run: %s (Standard workflow; the same for a run of any length)%n", transitions);
    }

    /** One run, submitted and watched until it ends, with what its workflow and logs say of it. */
    private record Timed(String runId, long millis, long serverMillis, Map<String, Long> stages, long sailJvmMillis,
                         long sailSparkMillis, Map<String, Object> engine, int transitions) {
    }

    private Timed timed(Job job) throws InterruptedException {
        long started = System.nanoTime();
        JobRunHandle handle = lakesail.jobs().run(r -> r.jobId(job.id()));
        JobRun run = handle.waitUntilTerminal(w -> w.timeout(TIMEOUT).initialDelay(POLL).maxDelay(POLL).multiplier(1));
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (run.status() != JobRunStatus.SUCCEEDED) {
            throw new IllegalStateException("run " + run.id() + " ended " + run.status() + ": " + run.statusReason());
        }
        Instant succeeded = run.statusHistory().stream().filter(s -> s.status() == JobRunStatus.SUCCEEDED)
                .map(StatusChange::at).findFirst().orElseThrow();
        long[] sail = {0, 0};
        for (LogLine line : handle.logs()) {
            Matcher m = READY.matcher(line.message());
            if (m.find()) {
                sail[0] = Long.parseLong(m.group(1));
                sail[1] = Long.parseLong(m.group(2));
            }
        }
        List<HistoryEvent> history = history(run.id());
        return new Timed(run.id(), millis, Duration.between(run.createdAt(), succeeded).toMillis(),
                stages(run.createdAt(), succeeded, history), sail[0], sail[1], run.metrics().engine(),
                (int) history.stream().filter(e -> e.type().endsWith("StateEntered")).count());
    }

    private List<Timed> concurrently(Job job, int n) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            List<Future<Timed>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(threads.submit(() -> timed(job)));
            }
            List<Timed> timed = new ArrayList<>();
            for (Future<Timed> f : futures) {
                timed.add(f.get());
            }
            return timed;
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Where a run's time went, from its workflow's history: the control plane's stages before the
     * Sail, the Sail's start until its ready report is taken, the runner's creation, the runner's life
     * until its outcome is taken, the cleanup (the Sail's logs, stopping the runner and the Sail), the end.
     */
    private static Map<String, Long> stages(Instant created, Instant succeeded, List<HistoryEvent> history) {
        Map<String, Instant> entered = new LinkedHashMap<>();
        Map<String, Instant> exited = new LinkedHashMap<>();
        for (HistoryEvent e : history) {
            String name = e.details().path("name").asText();
            if (e.type().endsWith("StateEntered")) {
                entered.putIfAbsent(name, e.timestamp());
            } else if (e.type().endsWith("StateExited")) {
                exited.put(name, e.timestamp());
            }
        }
        Map<String, Long> stages = new LinkedHashMap<>();
        stages.put("submit to CreateSail (admit, start)", between(created, entered.get("CreateSail")));
        stages.put("Sail start to ready reported", between(entered.get("CreateSail"), exited.get("WaitForSail")));
        stages.put("runner created", between(exited.get("WaitForSail"), entered.get("WaitForRunner")));
        stages.put("runner start to outcome reported", between(entered.get("WaitForRunner"), exited.get("WaitForRunner")));
        stages.put("cleanup (logs, stop runner and Sail)", between(entered.get("Cleanup"), exited.get("Cleanup")));
        stages.put("finish to succeeded", between(exited.get("Cleanup"), succeeded));
        return stages;
    }

    private static void breakdown(List<Timed> runs) {
        System.out.println("  where the time goes (p50 over the runs, ms):");
        for (String stage : runs.get(0).stages().keySet()) {
            System.out.printf("    %-42s %6d%n", stage, p50(runs.stream().map(t -> t.stages().get(stage)).toList()));
        }
        System.out.printf("    of the Sail's start: JVM to main %d, main to Connect bound %d%n",
                p50(runs.stream().map(Timed::sailJvmMillis).toList()), p50(runs.stream().map(Timed::sailSparkMillis).toList()));
        System.out.printf("    of the runner's life: connect %d, execute %d (as the runner reports them)%n",
                p50(runs.stream().map(t -> engineMillis(t, "connect")).toList()),
                p50(runs.stream().map(t -> engineMillis(t, "execute")).toList()));
    }

    private static long engineMillis(Timed t, String phase) {
        Object millis = t.engine() == null ? null : t.engine().get("millis");
        return millis instanceof Map<?, ?> m && m.get(phase) instanceof Number n ? n.longValue() : -1;
    }

    /**
     * The run's workflow history once its execution has ended: the run is {@code succeeded} from its
     * Finish stage on, a moment before the execution's last states are entered.
     */
    private List<HistoryEvent> history(String runId) throws InterruptedException {
        String name = runId + "-run-1";
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            Workflows.Execution execution = execution(name);
            if (execution.status().isTerminal()) {
                return backend.workflows().history(execution.id());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("execution " + name + " did not end");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private Workflows.Execution execution(String name) {
        String token = null;
        do {
            var page = backend.workflows().list("JobRun", null, 100, token);
            for (Workflows.Execution e : page.items()) {
                if (e.name().equals(name)) {
                    return e;
                }
            }
            token = page.nextToken();
        } while (token != null);
        throw new IllegalStateException("no execution " + name);
    }

    /** An organization's cluster and catalog, set up on the sandbox cloud, and a SELECT 1 job on them. */
    private Job job() {
        CloudAccount account = lakesail.cloudAccounts().create(r -> r.name("bench").awsAccountId("123456789012"));
        lakesail.cloudAccounts().attachRole(r -> r.cloudAccountId(account.id())
                .roleArn("arn:aws:iam::123456789012:role/lakesail-" + account.id().replace('_', '-')))
                .waitUntilActive(TIMEOUT);
        Network network = lakesail.networks().create(r -> r.name("bench").cloudAccountId(account.id()).region("eu-west-1")
                .cidr("10.0.0.0/16")).waitUntilActive(TIMEOUT);
        Cluster cluster = lakesail.clusters().create(r -> r.name("bench").networkId(network.id())
                .accessPolicy(AccessPolicy.privateOnly())).waitUntilActive(TIMEOUT);
        return lakesail.jobs().create(r -> r.name("select-1").definition(d -> d.clusterId(cluster.id()).sql("SELECT 1")));
    }

    /** Samples the peak RSS of every Sail this JVM runs, every 50 ms, until interrupted. */
    private Thread startRssSampler() {
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                ProcessHandle.current().descendants()
                        .filter(p -> p.info().commandLine().map(c -> c.contains("-Dlakesail.child=sail:")).orElse(false))
                        .forEach(p -> peakRss(p.pid()));
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        return sampler;
    }

    private void peakRss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    peakRssKb.merge(pid, Long.parseLong(line.replaceAll("[^0-9]", "")), Math::max);
                }
            }
        } catch (IOException | RuntimeException e) {
            // The Sail exited between the listing and the read.
        }
    }

    private static long between(Instant from, Instant to) {
        return from == null || to == null ? -1 : Duration.between(from, to).toMillis();
    }

    private static long p50(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /**
     * The engine bench's baseline in a child JVM with its own classpath (the {@code baseline} program
     * its jar describes), asked for one measurement at a time.
     */
    private static final class Baseline implements AutoCloseable {
        private final Process process;
        private final BufferedReader out;
        private final Writer in;

        private Baseline(Process process) {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        }

        static Baseline start(Path directory) throws IOException {
            ChildProgram program = ChildProgram.load("baseline", EngineLauncher.class.getClassLoader(), null);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(program.jvmOptions());
            command.addAll(List.of("-cp", String.join(File.pathSeparator, program.classpath().stream().map(Path::toString).toList()),
                    program.mainClass(), "--serve", directory.toString()));
            return new Baseline(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }

        long measure() throws IOException {
            in.write("measure\n");
            in.flush();
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("baseline-millis ")) {
                    return Long.parseLong(line.substring("baseline-millis ".length()).trim());
                }
            }
            throw new IOException("the baseline program ended without measuring (exit " + process.exitValue() + ")");
        }

        @Override
        public void close() throws IOException, InterruptedException {
            in.close();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
