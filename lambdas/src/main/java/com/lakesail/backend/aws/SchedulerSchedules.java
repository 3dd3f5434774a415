package com.lakesail.backend.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.backend.port.Schedules;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * {@link Schedules} on EventBridge Scheduler: one schedule per scheduled job, named by the job id, in
 * the control plane's schedule group, invoking the trigger function at each tick with
 * {@code {"kind": "schedule", "orgId", "jobId", "scheduledTime": "<aws.scheduler.scheduled-time>"}}
 * (Scheduler fills in the tick's time), read in the job's IANA time zone
 * ({@code ScheduleExpressionTimezone}), with no flexible window.
 *
 * <p>A put updates the schedule (UpdateSchedule replaces it whole) and creates it when it does not
 * exist; the create's {@code ClientToken} is derived from the job and its version, so a retried create
 * is the same create. A delete of a schedule that does not exist is done.
 */
public final class SchedulerSchedules implements Schedules {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A tick Scheduler could not deliver is retried for an hour, then dropped: a run that late helps nobody. */
    private static final int MAX_EVENT_AGE_SECONDS = 3600;
    private static final int MAX_RETRY_ATTEMPTS = 20;

    private final Supplier<SchedulerClient> client;
    private final String group;
    private final String roleArn;
    private final String targetArn;

    /**
     * @param group     the control plane's schedule group ({@code SCHEDULE_GROUP})
     * @param roleArn   the role Scheduler invokes the target with ({@code SCHEDULER_ROLE_ARN})
     * @param targetArn the trigger function's live alias ({@code TRIGGER_FUNCTION_ARN})
     */
    public SchedulerSchedules(Supplier<SchedulerClient> client, String group, String roleArn, String targetArn) {
        this.client = client;
        this.group = group;
        this.roleArn = roleArn;
        this.targetArn = targetArn;
    }

    @Override
    public void put(Schedule schedule) {
        String expression = SchedulerExpressions.of(schedule.cron());
        Target target = Target.builder().arn(targetArn).roleArn(roleArn).input(input(schedule))
                .retryPolicy(r -> r.maximumEventAgeInSeconds(MAX_EVENT_AGE_SECONDS).maximumRetryAttempts(MAX_RETRY_ATTEMPTS))
                .build();
        String description = "LakeSail job " + schedule.jobId() + " of " + schedule.organizationId();
        try {
            update(schedule, expression, target, description);
            return;
        } catch (ResourceNotFoundException absent) {
            // Not there yet: create it below.
        }
        try {
            scheduler().createSchedule(r -> r.name(schedule.jobId()).groupName(group).scheduleExpression(expression)
                    .scheduleExpressionTimezone(schedule.timezone()).flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                    .target(target).state(ScheduleState.ENABLED).description(description)
                    .actionAfterCompletion(ActionAfterCompletion.NONE)
                    .clientToken(clientToken(schedule.jobId() + ":" + schedule.revision())));
        } catch (ConflictException created) {
            // Created meanwhile (another sync of the same job): make it this one.
            update(schedule, expression, target, description);
        }
    }

    private void update(Schedule schedule, String expression, Target target, String description) {
        scheduler().updateSchedule(r -> r.name(schedule.jobId()).groupName(group).scheduleExpression(expression)
                .scheduleExpressionTimezone(schedule.timezone()).flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(target).state(ScheduleState.ENABLED).description(description)
                .actionAfterCompletion(ActionAfterCompletion.NONE));
    }

    @Override
    public void delete(String organizationId, String jobId) {
        try {
            scheduler().deleteSchedule(r -> r.name(jobId).groupName(group));
        } catch (ResourceNotFoundException gone) {
            // Nothing to delete.
        }
    }

    private SchedulerClient scheduler() {
        return client.get();
    }

    private static String input(Schedule schedule) {
        return JSON.createObjectNode().put("kind", "schedule").put("orgId", schedule.organizationId())
                .put("jobId", schedule.jobId()).put("scheduledTime", "<aws.scheduler.scheduled-time>").toString();
    }

    /** Scheduler's ClientToken: at most 64 of [a-zA-Z0-9-_]. */
    private static String clientToken(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
