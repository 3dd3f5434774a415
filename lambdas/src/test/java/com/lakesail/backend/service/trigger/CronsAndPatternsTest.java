package com.lakesail.backend.service.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.backend.domain.job.JobRunStatus;
import com.lakesail.backend.domain.job.JobSchedule;
import com.lakesail.backend.domain.job.JobTrigger;
import com.lakesail.backend.domain.job.S3BucketNames;
import com.lakesail.backend.domain.job.ScheduleConcurrency;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Cron expressions read by cron-utils, bucket names as S3 reads them, patterns as Event Ruler reads them. */
class CronsAndPatternsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"0 2 * * *", "*/5 * * * *", "0 9-17 * * 1-5", "30 6 1,15 * *", "0 0 * * sun"})
    void problem_whenTheCronIsValid_isNull(String cron) {
        assertNull(Crons.problem(cron), cron);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"61 * * * *|not a 5-field cron", "0 2 * *|not a 5-field cron",
            "0 0 0 12 12 *|not a 5-field cron", "0 0 31 2 *|never fires", "0 0 1 * 1|both day-of-month and day-of-week",
            "@daily|not a 5-field cron"})
    void problem_whenTheCronIsBad_saysWhy(String cron, String why) {
        String problem = Crons.problem(cron);
        assertNotNull(problem, cron);
        assertTrue(problem.contains(why), problem);
    }

    @Test
    void next_whenBerlinSpringsForward_skipsTheDayWithoutTwoOClock() {
        JobSchedule s = new JobSchedule("0 2 * * *", "Europe/Berlin", ScheduleConcurrency.SKIP, 1);
        assertEquals(Instant.parse("2026-03-30T00:00:00Z"), Crons.next(s, Instant.parse("2026-03-28T01:00:00Z")).orElseThrow());
        assertEquals(Instant.parse("2026-10-26T01:00:00Z"), Crons.next(s, Instant.parse("2026-10-25T00:00:00Z")).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"acme-raw|", "a.b.c|", "ab|3 to 63", "Acme|3 to 63", "-acme|3 to 63",
            "acme..raw|adjacent dots", "192.168.0.1|IP address", "xn--acme|xn--", "sthree-acme|sthree-",
            "amzn-s3-demo-x|amzn-s3-demo-", "acme-s3alias|-s3alias", "acme--ol-s3|--ol-s3", "acme.mrap|.mrap",
            "acme--x-s3|--x-s3", "acme--table-s3|--table-s3", "acme_raw|3 to 63"})
    void bucketNames_whenCheckedAsS3Would_refuseWhatItRefuses(String name, String why) {
        String problem = S3BucketNames.problem(name);
        if (why == null) {
            assertNull(problem, name);
        } else {
            assertNotNull(problem, name);
            assertTrue(problem.contains(why), problem);
        }
    }

    @Test
    void problem_whenThePatternIsNotOneEventRulerReads_givesEventRulersError() {
        assertTrue(EventPatterns.problem("{\"source\": \"com.acme\"}").startsWith("is not a valid event pattern: "));
        assertTrue(EventPatterns.problem("{\"source\": [\"com.acme\"], \"detail\": {\"n\": [{\"numeric\": [\">\"]}]}}")
                .startsWith("is not a valid event pattern: "));
        assertTrue(EventPatterns.problem("{\"detail-type\": [\"x\"]}").contains("must name its source"));
        assertTrue(EventPatterns.problem("{\"source\": [{\"prefix\": \"com.\"}]}").contains("exact strings"));
        assertTrue(EventPatterns.problem("{\"source\": [\"aws.s3\"]}").contains("not be an AWS"));
        assertNull(EventPatterns.problem("{\"source\": [\"com.acme\"], \"detail\": {\"n\": [{\"numeric\": [\">\", 5]}]}}"));
    }

    @Test
    void of_whenAnS3TriggerHasPrefixAndSuffix_matchesOnlyKeysWithBoth() throws Exception {
        JobTrigger t = JobTrigger.s3("acme-raw", "in/*/", ".csv", 0, 0);
        EventPatterns.Matcher m = new EventPatterns.Matcher().add("t", EventPatterns.of("org_1", t));
        assertEquals(List.of("t"), m.matches(s3("acme-raw", "in/*/day.csv")));
        assertEquals(List.of(), m.matches(s3("acme-raw", "in/x/day.csv")), "the prefix's * is a literal");
        assertEquals(List.of(), m.matches(s3("acme-raw", "in/*/day.txt")));
        assertEquals(List.of(), m.matches(s3("acme-other", "in/*/day.csv")));
    }

    @Test
    void of_whenAJobRunTriggerFollowsSuccess_matchesThatJobsSucceededRunsOfItsOrganizationOnly() throws Exception {
        JobTrigger t = JobTrigger.jobRun("job_a", List.of(JobRunStatus.SUCCEEDED));
        EventPatterns.Matcher m = new EventPatterns.Matcher().add("t", EventPatterns.of("org_1", t));
        assertEquals(List.of("t"), m.matches(run("org_1", "job_a", "succeeded")));
        assertEquals(List.of(), m.matches(run("org_1", "job_a", "failed")));
        assertEquals(List.of(), m.matches(run("org_2", "job_a", "succeeded")));
        assertEquals(List.of(), m.matches(run("org_1", "job_b", "succeeded")));
    }

    private static JsonNode s3(String bucket, String key) throws Exception {
        return JSON.readTree("{\"source\":\"aws.s3\",\"detail-type\":\"Object Created\",\"detail\":{\"bucket\":{\"name\":\""
                + bucket + "\"},\"object\":{\"key\":\"" + key + "\"}}}");
    }

    private static JsonNode run(String org, String job, String state) throws Exception {
        return JSON.readTree("{\"source\":\"lakesail\",\"detail-type\":\"LakeSail Job Run State Change\",\"detail\":"
                + "{\"organizationId\":\"" + org + "\",\"jobId\":\"" + job + "\",\"state\":\"" + state + "\"}}");
    }
}
