package com.lakesail.backend.kubernetes;

import java.util.Objects;

/**
 * The container images workloads run, as the cluster's stack configures its agent: Sail (the
 * server and, in Kubernetes mode, its workers), the runner (also the Sail watcher, in its
 * {@code watch-sail} mode) and the image that stages a job's jar from S3 (the AWS CLI).
 */
public record Images(String sail, String runner, String staging) {
    public Images {
        Objects.requireNonNull(sail, "sail");
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(staging, "staging");
    }
}
