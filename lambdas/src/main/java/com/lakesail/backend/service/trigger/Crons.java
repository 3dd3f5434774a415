package com.lakesail.backend.service.trigger;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.field.CronFieldName;
import com.cronutils.model.field.expression.Always;
import com.cronutils.model.field.expression.QuestionMark;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import com.lakesail.backend.domain.job.JobSchedule;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Cron expressions as cron-utils reads UNIX cron (minute hour day-of-month month day-of-week), stepped
 * through the schedule's time zone. Daylight-saving changes are the library's: a time that does not
 * exist that day (02:30 when clocks jump from 02:00 to 03:00) does not fire that day, and a time that
 * occurs twice fires once, at its first occurrence.
 */
public final class Crons {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    /** A cron must fire within this long of any moment, or it never fires (31 February). */
    private static final Instant PROBE = Instant.parse("2024-01-01T00:00:00Z");

    private Crons() {
    }

    /** Why {@code cron} is not a schedule both hosts can run, or null when it is. */
    public static String problem(String cron) {
        if (cron.strip().split("\\s+").length != 5) {
            // Nicknames (@daily) too: EventBridge Scheduler has none.
            return "is not a 5-field cron expression (minute hour day-of-month month day-of-week)";
        }
        Cron parsed;
        try {
            parsed = PARSER.parse(cron);
        } catch (IllegalArgumentException e) {
            return "is not a 5-field cron expression (minute hour day-of-month month day-of-week): " + e.getMessage();
        }
        if (restricted(parsed, CronFieldName.DAY_OF_MONTH) && restricted(parsed, CronFieldName.DAY_OF_WEEK)) {
            // UNIX cron fires when either matches; EventBridge Scheduler cannot say that.
            return "must not restrict both day-of-month and day-of-week: give one of them as *";
        }
        ZonedDateTime probe = PROBE.atZone(ZoneId.of("UTC"));
        for (int year = 0; year < 8; year++) {
            if (ExecutionTime.forCron(parsed).nextExecution(probe.plusYears(year)).isPresent()) {
                return null;
            }
        }
        return "never fires: no date matches it";
    }

    /** The first tick strictly after {@code after}; empty for a cron that never fires. */
    public static Optional<Instant> next(JobSchedule schedule, Instant after) {
        return ExecutionTime.forCron(PARSER.parse(schedule.cron()))
                .nextExecution(after.atZone(schedule.zone())).map(ZonedDateTime::toInstant);
    }

    static boolean restricted(Cron cron, CronFieldName field) {
        var expression = cron.retrieve(field).getExpression();
        return !(expression instanceof Always) && !(expression instanceof QuestionMark);
    }
}
