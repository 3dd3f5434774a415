package com.lakesail.local.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.job.Compute;
import com.lakesail.backend.port.Callback;
import com.lakesail.backend.port.CatalogSpec;
import com.lakesail.backend.port.ComputeRuntimeException;
import com.lakesail.backend.port.LogPage;
import com.lakesail.backend.port.RunnerSpec;
import com.lakesail.backend.port.SailSpec;
import com.lakesail.backend.port.Workload;
import com.lakesail.backend.port.WorkloadRuntime;
import com.lakesail.engine.ChildProcess;
import com.lakesail.engine.EngineException;
import com.lakesail.engine.LogFile;
import com.lakesail.engine.Sail;
import com.lakesail.engine.catalog.CatalogRef;
import com.lakesail.engine.catalog.SparkCatalogConf;
import com.lakesail.engine.catalog.UnreachableCatalogException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Job runs' compute on this machine: each run's Sail is a Spark Connect server in its own JVM, its
 * runner another JVM, both started by the backend's {@link LocalEngine}.
 *
 * <ul>
 *   <li>{@code createSail}: the catalogs become Spark settings ({@code s3://} under the engine's data
 *       directory; a Glue catalog or Hive metastore cannot be reached from here, so the run fails at
 *       once saying so); the heap is the job's driver memory, capped at the engine's Sail memory; the
 *       driver's vCPUs are its task threads ({@code local[n]}, at most this machine's cores). When the
 *       Sail is ready, or failed to be, it reports {@code sail_ready} / {@code sail_failed} through the
 *       run's callback, as a probe on a cluster does; a Sail that stops by itself afterwards reports
 *       {@code sail_failed}, so the run ends at once instead of waiting for a heartbeat.
 *   <li>{@code createRunner}: {@code RunnerMain} with the run's environment. A runner that exits
 *       without having reported its outcome (it crashed, or was killed) is reported {@code failed}
 *       with its last lines on stderr.
 *   <li>{@code readLogs}: the Sail's stdout and stderr (stream {@code sail}), by byte offsets. The
 *       runner ships its own lines through the callback as it runs, so they are not read again here.
 *   <li>{@code delete}: stops the runner, then the Sail, waits until both are gone, and removes the
 *       workload's directory. Safe to repeat.
 * </ul>
 */
public final class LocalWorkloadRuntime implements WorkloadRuntime {
    static final String SAIL = "sail";
    /** What a runner that exited without reporting is failed with. */
    static final String RUNNER_EXITED = "RUNNER_EXITED";
    private static final int LOG_PAGE_BYTES = 256 * 1024;
    private static final int TAIL_LINES = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalEngine engine;
    private final Duration sailStartTimeout;
    private final WorkloadCallbacks callbacks = new WorkloadCallbacks();
    private final Map<String, Processes> workloads = new ConcurrentHashMap<>();

    /** @param sailStartTimeout how long a Sail may take to be ready before it is killed and reported failed */
    public LocalWorkloadRuntime(LocalEngine engine, Duration sailStartTimeout) {
        this.engine = engine;
        this.sailStartTimeout = sailStartTimeout;
    }

    /** One workload's processes, as this backend started them. */
    private static final class Processes {
        final Workload workload;
        Sail sail;
        ChildProcess runner;
        volatile boolean deleting;

        Processes(Workload workload) {
            this.workload = workload;
        }
    }

    @Override
    public void createSail(SailSpec spec) {
        String id = LocalEngine.processId(spec.workload().organizationId(), spec.workload().id());
        Processes compute = workloads.computeIfAbsent(id, k -> new Processes(spec.workload()));
        synchronized (compute) {
            if (compute.sail != null && compute.sail.isAlive()) {
                return;
            }
            Path directory = engine.workloadDirectory(id);
            Sail sail;
            try {
                sail = engine.launcher().startSail(com.lakesail.engine.SailSpec.builder().id(id)
                        .catalogs(catalogs(spec.catalogs()))
                        .sparkConf(spec.sparkConf())
                        .sparkConf("spark.master", "local[" + threads(spec.compute()) + "]")
                        .memoryMb(memoryMb(spec.compute()))
                        .logDirectory(directory.resolve("logs"))
                        .warehouseDirectory(directory.resolve("warehouse"))
                        .startTimeout(sailStartTimeout)
                        .build());
            } catch (UnreachableCatalogException | IllegalArgumentException | EngineException e) {
                // A Glue catalog or Hive metastore, a catalog without its settings, jars not found:
                // trying again changes nothing, so the run fails now with this message.
                throw new ComputeRuntimeException(e.getMessage(), false, e);
            } catch (IllegalStateException e) {
                // The Sail of an earlier attempt is still on its way out.
                throw new ComputeRuntimeException(e.getMessage(), true, e);
            }
            compute.sail = sail;
            watch(compute, sail, spec.callback());
        }
    }

    @Override
    public void createRunner(RunnerSpec spec) {
        String id = LocalEngine.processId(spec.workload().organizationId(), spec.workload().id());
        Processes compute = workloads.computeIfAbsent(id, k -> new Processes(spec.workload()));
        synchronized (compute) {
            if (compute.runner != null && compute.runner.isAlive()) {
                return;
            }
            ChildProcess runner;
            try {
                runner = engine.launcher().startRunner(com.lakesail.engine.RunnerSpec.builder().id(id)
                        .environment(spec.environment()).logDirectory(engine.workloadDirectory(id).resolve("logs")).build());
            } catch (IllegalArgumentException | EngineException e) {
                throw new ComputeRuntimeException(e.getMessage(), false, e);
            } catch (IllegalStateException e) {
                throw new ComputeRuntimeException(e.getMessage(), true, e);
            }
            compute.runner = runner;
            Callback callback = spec.callback();
            runner.onExit().thenAccept(code -> {
                // 0 follows a reported success; after a reported failure (1) this report changes nothing.
                if (code != 0 && !compute.deleting) {
                    callbacks.post(callback, JSON.createObjectNode().put("type", "failed").put("errorClass", RUNNER_EXITED)
                            .put("message", "the runner exited with code " + code + " without reporting an outcome"
                                    + lastLines(runner.stderr())));
                }
            });
        }
    }

    @Override
    public LogPage readLogs(Workload workload, String cursor) {
        Path logs = engine.workloadDirectory(LocalEngine.processId(workload.organizationId(), workload.id())).resolve("logs");
        long[] offsets = offsets(cursor);
        List<LogPage.Line> lines = new ArrayList<>();
        LogFile stdout = LogFile.of(ChildProcess.stdoutFile(logs, SAIL));
        LogFile.Chunk out = stdout.read(offsets[0], LOG_PAGE_BYTES);
        out.lines().forEach(l -> lines.add(new LogPage.Line(SAIL, l)));
        long errOffset = offsets[1];
        // stderr once stdout is read to its end, so a page never holds more than one page's bytes.
        if (out.nextOffset() >= stdout.size()) {
            LogFile.Chunk err = LogFile.of(ChildProcess.stderrFile(logs, SAIL)).read(offsets[1], LOG_PAGE_BYTES);
            err.lines().forEach(l -> lines.add(new LogPage.Line(SAIL, l)));
            errOffset = err.nextOffset();
        }
        return new LogPage(lines, lines.isEmpty() ? cursor : out.nextOffset() + "." + errOffset);
    }

    @Override
    public void delete(Workload workload) {
        String id = LocalEngine.processId(workload.organizationId(), workload.id());
        Processes compute = workloads.get(id);
        if (compute != null) {
            compute.deleting = true;
            synchronized (compute) {
                if (compute.runner != null) {
                    compute.runner.stop();
                }
                if (compute.sail != null) {
                    compute.sail.stop();
                }
            }
            workloads.remove(id, compute);
        }
        engine.deleteWorkloadDirectory(id);
    }

    /** The workloads this backend has started and not deleted: their compute goes when the backend stops. */
    public List<Workload> active() {
        return workloads.values().stream().filter(c -> !c.deleting).map(c -> c.workload).toList();
    }

    /** Reports the Sail's readiness (or why it never will be), then a stop nobody asked for. */
    private void watch(Processes compute, Sail sail, Callback callback) {
        sail.ready().whenComplete((ready, error) -> {
            if (compute.deleting) {
                return;
            }
            ObjectNode event = error == null
                    ? JSON.createObjectNode().put("type", "sail_ready").put("endpoint", sail.endpoint())
                    : JSON.createObjectNode().put("type", "sail_failed").put("message", message(error));
            callbacks.post(callback, event);
        });
        sail.process().onExit().thenAccept(code -> {
            if (!compute.deleting && sail.ready().isDone() && !sail.ready().isCompletedExceptionally()) {
                callbacks.post(callback, JSON.createObjectNode().put("type", "sail_failed")
                        .put("message", "its process exited with code " + code + lastLines(sail.process().stderr())));
            }
        });
    }

    private SparkCatalogConf catalogs(List<CatalogSpec> catalogs) {
        List<CatalogRef> refs = catalogs.stream().map(c -> new CatalogRef(Wire.name(c.kind()), c.name(), c.config())).toList();
        return SparkCatalogConf.local(refs, engine.dataDirectory());
    }

    /** The driver's memory, capped at what a local Sail may take. */
    private int memoryMb(Compute sizes) {
        return Math.min(sizes.driver().memoryGiB() * 1024, engine.sailMemoryMb());
    }

    private static int threads(Compute sizes) {
        return Math.max(1, Math.min(sizes.driver().cpu(), Runtime.getRuntime().availableProcessors()));
    }

    private static long[] offsets(String cursor) {
        if (cursor != null) {
            String[] parts = cursor.split("\\.");
            try {
                if (parts.length == 2) {
                    return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
                }
            } catch (NumberFormatException e) {
                // Not one of ours: read from the start.
            }
        }
        return new long[] {0, 0};
    }

    private static String lastLines(LogFile log) {
        List<String> tail = log.tail(TAIL_LINES);
        return tail.isEmpty() ? "" : "; its last lines:\n" + String.join("\n", tail);
    }

    private static String message(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return String.valueOf(cause.getMessage());
    }
}
