package com.lakesail.backend.domain.job;

import com.lakesail.backend.domain.Validator;

/**
 * The compute a run's Sail gets: the server (driver) and the workers it may start on demand.
 *
 * @param maxWorkers 0 runs everything in the server process
 */
public record Compute(Size driver, Size worker, int maxWorkers) {
    public static final Compute DEFAULT = new Compute(new Size(2, 4), new Size(2, 4), 2);
    public static final int MAX_WORKERS = 100;

    /** vCPUs and memory of one process. */
    public record Size(int cpu, int memoryGiB) {
        void validate(Validator v, String field) {
            v.range(field + ".cpu", cpu, 1, 64).range(field + ".memoryGiB", memoryGiB, 1, 512);
        }
    }

    /** Requested sizes; a null field takes the default. */
    public record Input(Integer driverCpu, Integer driverMemoryGiB, Integer workerCpu, Integer workerMemoryGiB,
                        Integer maxWorkers) {
    }

    /** The sizes {@code in} asks for, defaults filling the gaps; errors recorded in {@code v} under {@code field}. */
    public static Compute validate(Validator v, String field, Input in) {
        if (in == null) {
            return DEFAULT;
        }
        Compute c = new Compute(
                new Size(or(in.driverCpu(), DEFAULT.driver.cpu()), or(in.driverMemoryGiB(), DEFAULT.driver.memoryGiB())),
                new Size(or(in.workerCpu(), DEFAULT.worker.cpu()), or(in.workerMemoryGiB(), DEFAULT.worker.memoryGiB())),
                or(in.maxWorkers(), DEFAULT.maxWorkers));
        c.driver.validate(v, field + ".driver");
        c.worker.validate(v, field + ".worker");
        v.range(field + ".maxWorkers", c.maxWorkers, 0, MAX_WORKERS);
        return c;
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
