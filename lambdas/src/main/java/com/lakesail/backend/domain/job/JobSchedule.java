package com.lakesail.backend.domain.job;

import com.lakesail.backend.domain.Validator;
import com.lakesail.backend.domain.Wire;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * When a job version runs by itself (DESIGN §9, §11): a 5-field cron expression read in an IANA time
 * zone, and what a tick does while earlier runs are still active. The cron's meaning (and so its
 * validity beyond its shape) is the cron library's, checked by the service that validates definitions.
 *
 * @param cron              minute hour day-of-month month day-of-week, as UNIX cron reads it
 * @param timezone          an IANA zone id ({@code Europe/Berlin}); daylight-saving changes are the library's
 * @param maxConcurrentRuns for {@link ScheduleConcurrency#ALLOW}: how many runs may be active at once; else 1
 */
public record JobSchedule(String cron, String timezone, ScheduleConcurrency concurrency, int maxConcurrentRuns) {
    public static final int MAX_CRON = 100;
    public static final int MAX_CONCURRENT_RUNS = 100;
    public static final String DEFAULT_TIMEZONE = "UTC";

    /** A schedule as a request carried it; null fields take their defaults (UTC, skip). */
    public record Input(String cron, String timezone, String concurrency, Integer maxConcurrentRuns) {
    }

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    static JobSchedule validate(Validator v, String field, Input in) {
        if (in == null) {
            return null;
        }
        String cron = in.cron() == null ? null : in.cron().strip();
        v.require(cron != null && !cron.isEmpty(), field + ".cron", "is required: five fields, e.g. \"0 2 * * *\"");
        v.require(cron == null || cron.length() <= MAX_CRON, field + ".cron", "must be at most " + MAX_CRON + " characters");
        String timezone = in.timezone() == null ? DEFAULT_TIMEZONE : in.timezone();
        v.require(knownZone(timezone), field + ".timezone", "must be an IANA time zone such as Europe/Berlin or UTC");
        ScheduleConcurrency concurrency = in.concurrency() == null ? ScheduleConcurrency.SKIP
                : Wire.parse(ScheduleConcurrency.class, in.concurrency());
        v.require(concurrency != null, field + ".concurrency", "must be skip, allow or replace");
        Integer max = in.maxConcurrentRuns();
        if (concurrency == ScheduleConcurrency.ALLOW) {
            v.require(max == null || max >= 1, field + ".maxConcurrentRuns", "must be at least 1");
            v.require(max == null || max <= MAX_CONCURRENT_RUNS, field + ".maxConcurrentRuns",
                    "must be at most " + MAX_CONCURRENT_RUNS);
        } else {
            v.require(max == null, field + ".maxConcurrentRuns", "applies only to concurrency allow");
        }
        return new JobSchedule(cron, timezone, concurrency == null ? ScheduleConcurrency.SKIP : concurrency,
                max == null || concurrency != ScheduleConcurrency.ALLOW ? 1 : max);
    }

    /** Region-based IANA ids only: offsets like {@code +02:00} have no daylight-saving rules and are not zones. */
    private static boolean knownZone(String id) {
        if (id.equals(DEFAULT_TIMEZONE)) {
            return true;
        }
        try {
            return id.contains("/") && ZoneId.of(id).getId().equals(id);
        } catch (DateTimeException e) {
            return false;
        }
    }
}
