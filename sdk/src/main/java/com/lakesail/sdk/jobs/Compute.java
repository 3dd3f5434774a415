package com.lakesail.sdk.jobs;

/**
 * What a run's Sail gets: the server (driver) and the workers it may start on demand. In a request,
 * null fields take the service's defaults (driver and workers 2 vCPU / 4 GiB, at most 2 workers).
 *
 * <pre>{@code
 * Compute big = new Compute(new Compute.Size(4, 16), new Compute.Size(4, 16), 8);
 * }</pre>
 */
public record Compute(Size driver, Size worker, Integer maxWorkers) {

    /** vCPUs and memory of one process. */
    public record Size(Integer cpu, Integer memoryGiB) {
    }
}
