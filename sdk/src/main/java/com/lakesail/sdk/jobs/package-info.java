/**
 * Jobs and their runs: versioned job definitions ({@link com.lakesail.sdk.jobs.JobService}) and runs
 * of them ({@link com.lakesail.sdk.jobs.JobRunService}). Starting, cancelling or retrying a run
 * returns a {@link com.lakesail.sdk.jobs.JobRunHandle} to wait on; a run's result preview reads as
 * typed {@link com.lakesail.sdk.jobs.Row}s; its log is a lazy {@link com.lakesail.sdk.jobs.RunLogs}.
 *
 * <pre>{@code
 * Job job = lakesail.jobs().create(r -> r.name("daily-sales")
 *     .definition(d -> d.clusterId(cluster.id()).catalogIds(lake.id())
 *         .sql("SELECT region, sum(amount) AS total FROM lake.sales WHERE day = :day GROUP BY region")
 *         .parameter(JobParameter.required("day", ParameterType.DATE))));
 * JobRunHandle handle = lakesail.jobs().run(r -> r.jobId(job.id()).parameter("day", "2026-12-01"));
 * JobRun run = handle.waitUntilTerminal(Duration.ofHours(2), r -> System.out.println(r.status()));
 * handle.logs().forEach(line -> System.out.println(line.stream() + " | " + line.message()));
 * if (run.status().isSuccess()) {
 *     run.result().rows().forEach(row -> System.out.println(row.getString("region") + " " + row.getDecimal("total")));
 * }
 * }</pre>
 */
package com.lakesail.sdk.jobs;
