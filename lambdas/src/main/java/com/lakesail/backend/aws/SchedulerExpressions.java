package com.lakesail.backend.aws;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.TreeSet;

/**
 * A 5-field UNIX cron (validated by {@code Crons}, which refuses one restricting both day fields) spelled as EventBridge Scheduler's
 * {@code cron(minutes hours day-of-month month day-of-week year)}: minutes, hours, days of the month
 * and months read alike; one of the two day fields must be {@code ?}, and Scheduler numbers the days
 * of the week 1 (Sunday) to 7 where UNIX cron has 0 (or 7) to 6, so the day-of-week field is spelled
 * as the days cron-utils says it matches.
 */
public final class SchedulerExpressions {
    /** A Saturday: the week after it holds each day once. */
    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final ZonedDateTime WEEK = ZonedDateTime.of(2023, 1, 7, 12, 0, 0, 0, ZoneOffset.UTC);

    private SchedulerExpressions() {
    }

    /** {@code cron(...)} for EventBridge Scheduler. */
    public static String of(String unixCron) {
        String[] f = unixCron.trim().split("\\s+");
        if (f.length != 5) {
            throw new IllegalArgumentException("not a 5-field cron: " + unixCron);
        }
        boolean dayOfWeek = !f[4].equals("*") && !f[4].equals("?");
        String dom = dayOfWeek ? "?" : f[2];
        String dow = dayOfWeek ? daysOfWeek(f[4]) : "?";
        return "cron(" + f[0] + " " + f[1] + " " + dom + " " + f[3] + " " + dow + " *)";
    }

    /** The days a UNIX day-of-week field matches, as Scheduler numbers them (SUN=1 ... SAT=7). */
    private static String daysOfWeek(String field) {
        ExecutionTime midnight = ExecutionTime.forCron(UNIX.parse("0 0 * * " + field));
        TreeSet<Integer> days = new TreeSet<>();
        ZonedDateTime t = WEEK;
        for (int i = 0; i < 7; i++) {
            t = midnight.nextExecution(t).orElseThrow();
            if (t.isAfter(WEEK.plusDays(7))) {
                break;
            }
            DayOfWeek day = t.getDayOfWeek();
            days.add(day == DayOfWeek.SUNDAY ? 1 : day.getValue() + 1);
        }
        StringBuilder out = new StringBuilder();
        for (int d : days) {
            out.append(out.length() == 0 ? "" : ",").append(d);
        }
        return out.toString();
    }
}
