package com.lakesail.backend.domain.job;

/**
 * Where a version stands: {@code draft} until promoted, {@code live} while runs use it, {@code retired}
 * once another was promoted. Only the status moves; a version's definition never changes, so a run
 * can always be reproduced from the version it pinned. A retired version can be promoted again
 * (a rollback).
 */
public enum JobVersionStatus {
    DRAFT, LIVE, RETIRED
}
