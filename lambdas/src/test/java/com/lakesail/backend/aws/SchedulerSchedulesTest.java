package com.lakesail.backend.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.backend.port.Schedules;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;

/** The schedules adapter against a Scheduler fake held to the documented API. */
class SchedulerSchedulesTest {
    private static final String GROUP = "lakesail-prod-jobs";
    private static final String ROLE = "arn:aws:iam::999999999999:role/lakesail-prod-scheduler";
    private static final String TARGET = "arn:aws:lambda:eu-west-1:999999999999:function:lakesail-prod-triggers:live";

    private final FakeScheduler scheduler = new FakeScheduler(GROUP);
    private final SchedulerSchedules schedules = new SchedulerSchedules(() -> scheduler, GROUP, ROLE, TARGET);

    @Test
    void put_whenTheJobHasNoSchedule_createsOneInTheGroupInItsTimezoneInvokingTheTriggerFunction() throws Exception {
        schedules.put(new Schedules.Schedule("org_1", "job_1", "0 2 * * *", "Europe/Berlin", 3));

        FakeScheduler.Stored s = scheduler.schedules.get(GROUP + "/job_1");
        assertEquals("cron(0 2 * * ? *)", s.expression());
        assertEquals("Europe/Berlin", s.timezone());
        assertEquals(FlexibleTimeWindowMode.OFF, s.window().mode());
        assertEquals(TARGET, s.target().arn());
        assertEquals(ROLE, s.target().roleArn());
        JsonNode input = new ObjectMapper().readTree(s.target().input());
        assertEquals("schedule", input.path("kind").asText());
        assertEquals("org_1", input.path("orgId").asText());
        assertEquals("job_1", input.path("jobId").asText());
        assertEquals("<aws.scheduler.scheduled-time>", input.path("scheduledTime").asText(), "Scheduler fills in the tick");
        assertEquals(64, s.clientToken().length());
        assertEquals(List.of("UpdateSchedule job_1", "CreateSchedule job_1"), scheduler.calls);
    }

    @Test
    void put_whenTheScheduleExists_replacesItWithoutCreating() {
        schedules.put(new Schedules.Schedule("org_1", "job_1", "0 2 * * *", "UTC", 1));
        schedules.put(new Schedules.Schedule("org_1", "job_1", "*/15 8-18 * * 1-5", "America/New_York", 2));

        FakeScheduler.Stored s = scheduler.schedules.get(GROUP + "/job_1");
        assertEquals("cron(*/15 8-18 ? * 2,3,4,5,6 *)", s.expression());
        assertEquals("America/New_York", s.timezone());
        assertEquals(List.of("UpdateSchedule job_1", "CreateSchedule job_1", "UpdateSchedule job_1"), scheduler.calls);
    }

    @Test
    void put_whenAnotherSyncCreatedItMeanwhile_updatesIt() {
        scheduler.createdMeanwhile = true;

        schedules.put(new Schedules.Schedule("org_1", "job_1", "30 6 1 * *", "UTC", 1));

        assertEquals("cron(30 6 1 * ? *)", scheduler.schedules.get(GROUP + "/job_1").expression());
        assertEquals(List.of("UpdateSchedule job_1", "CreateSchedule job_1", "UpdateSchedule job_1"), scheduler.calls);
    }

    @Test
    void delete_whenTheScheduleIsThereOrNot_endsWithoutIt() {
        schedules.put(new Schedules.Schedule("org_1", "job_1", "0 2 * * *", "UTC", 1));
        schedules.delete("org_1", "job_1");
        schedules.delete("org_1", "job_1");
        assertFalse(scheduler.schedules.containsKey(GROUP + "/job_1"));
    }

    /**
     * Scheduler's cron read as Quartz reads it (its day-of-week numbers SUN=1..SAT=7, one day field '?')
     * fires at the same instants as the UNIX cron cron-utils reads, over a year: the translation keeps
     * the schedule's meaning.
     */
    @ParameterizedTest
    @ValueSource(strings = {"0 2 * * *", "*/15 8-18 * * 1-5", "0 0 * * 0", "0 0 * * 7", "5 4 * * sun", "0 12 * * MON-FRI",
            "0 3 1,15 * *", "0 0 * * 6,0", "0 0 * * */2", "45 23 * 2-11 5", "0 9 * * 1#2"})
    void of_whenReadBackAsSchedulerReadsIt_firesWhenTheUnixCronDoes(String unix) {
        CronParser unixParser = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
        if (unix.contains("#")) {
            assertThrowsIllegal(() -> unixParser.parse(unix));
            return;
        }
        String aws = SchedulerExpressions.of(unix);
        String quartz = "0 " + aws.substring("cron(".length(), aws.length() - 1);
        ExecutionTime expected = ExecutionTime.forCron(unixParser.parse(unix));
        ExecutionTime actual = ExecutionTime.forCron(new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ))
                .parse(quartz));
        ZonedDateTime t = ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneId.of("UTC"));
        List<ZonedDateTime> want = new ArrayList<>();
        List<ZonedDateTime> got = new ArrayList<>();
        ZonedDateTime a = t;
        ZonedDateTime b = t;
        for (int i = 0; i < 400; i++) {
            a = expected.nextExecution(a).orElseThrow();
            b = actual.nextExecution(b).orElseThrow();
            want.add(a);
            got.add(b);
        }
        assertEquals(want, got, unix + " became " + aws);
        assertTrue(aws.matches("cron\\(\\S+ \\S+ \\S+ \\S+ \\S+ \\*\\)"), aws);
    }

    private static void assertThrowsIllegal(Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException e) {
            return;
        }
        throw new AssertionError("UNIX cron has no #");
    }
}
