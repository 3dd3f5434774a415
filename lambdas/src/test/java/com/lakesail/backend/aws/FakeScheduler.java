package com.lakesail.backend.aws;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.DeleteScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.DeleteScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindow;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.Target;
import software.amazon.awssdk.services.scheduler.model.UpdateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.UpdateScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ValidationException;

/**
 * EventBridge Scheduler as its API reference documents CreateSchedule, UpdateSchedule and
 * DeleteSchedule: schedules are named per group ({@code [0-9a-zA-Z-_.]+}, at most 64), in a group
 * that must exist; a create of a name that exists is a ConflictException, unless it repeats the
 * request with the same ClientToken (then it is the same create); an update or delete of a schedule
 * that does not exist is a ResourceNotFoundException; an update replaces the schedule whole; the
 * expression is {@code cron(minutes hours day-of-month month day-of-week year)} with exactly one of
 * the day fields {@code ?}, and its time zone an IANA id; a target needs an ARN and a role, and the
 * flexible time window is required.
 */
final class FakeScheduler implements SchedulerClient {
    private static final Pattern NAME = Pattern.compile("^[0-9a-zA-Z-_.]{1,64}$");
    private static final Pattern CLIENT_TOKEN = Pattern.compile("^[a-zA-Z0-9-_]{1,64}$");
    private static final Pattern DAY_OF_WEEK = Pattern.compile("^(\\?|\\*|([1-7]|SUN|MON|TUE|WED|THU|FRI|SAT)"
            + "([-,]([1-7]|SUN|MON|TUE|WED|THU|FRI|SAT))*)$");

    final Set<String> groups = new java.util.HashSet<>();
    /** group/name → the schedule as last created or updated. */
    final Map<String, Stored> schedules = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    /** The next create finds the schedule created meanwhile by another caller (with another token), once. */
    boolean createdMeanwhile;

    record Stored(String expression, String timezone, Target target, ScheduleState state, FlexibleTimeWindow window,
                  String clientToken) {
    }

    FakeScheduler(String group) {
        groups.add(group);
    }

    @Override
    public CreateScheduleResponse createSchedule(CreateScheduleRequest r) {
        calls.add("CreateSchedule " + r.name());
        validate(r.name(), r.groupName(), r.scheduleExpression(), r.scheduleExpressionTimezone(), r.target(),
                r.flexibleTimeWindow());
        if (r.clientToken() != null && !CLIENT_TOKEN.matcher(r.clientToken()).matches()) {
            throw invalid("clientToken must match [a-zA-Z0-9-_]{1,64}");
        }
        String key = r.groupName() + "/" + r.name();
        if (createdMeanwhile) {
            createdMeanwhile = false;
            schedules.put(key, new Stored("cron(0 0 * * ? *)", "UTC", r.target(), r.state(), r.flexibleTimeWindow(), "other"));
        }
        Stored existing = schedules.get(key);
        if (existing != null && !(r.clientToken() != null && r.clientToken().equals(existing.clientToken()))) {
            throw conflict("Schedule " + r.name() + " already exists.");
        }
        schedules.put(key, new Stored(r.scheduleExpression(), r.scheduleExpressionTimezone(), r.target(), r.state(),
                r.flexibleTimeWindow(), r.clientToken()));
        return CreateScheduleResponse.builder().scheduleArn(arn(r.groupName(), r.name())).build();
    }

    @Override
    public UpdateScheduleResponse updateSchedule(UpdateScheduleRequest r) {
        calls.add("UpdateSchedule " + r.name());
        validate(r.name(), r.groupName(), r.scheduleExpression(), r.scheduleExpressionTimezone(), r.target(),
                r.flexibleTimeWindow());
        String key = r.groupName() + "/" + r.name();
        if (!schedules.containsKey(key)) {
            throw notFound("Schedule " + r.name() + " does not exist.");
        }
        schedules.put(key, new Stored(r.scheduleExpression(), r.scheduleExpressionTimezone(), r.target(), r.state(),
                r.flexibleTimeWindow(), schedules.get(key).clientToken()));
        return UpdateScheduleResponse.builder().scheduleArn(arn(r.groupName(), r.name())).build();
    }

    @Override
    public DeleteScheduleResponse deleteSchedule(DeleteScheduleRequest r) {
        calls.add("DeleteSchedule " + r.name());
        if (!groups.contains(r.groupName()) || schedules.remove(r.groupName() + "/" + r.name()) == null) {
            throw notFound("Schedule " + r.name() + " does not exist.");
        }
        return DeleteScheduleResponse.builder().build();
    }

    private void validate(String name, String group, String expression, String timezone, Target target,
                          FlexibleTimeWindow window) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw invalid("name must match [0-9a-zA-Z-_.]{1,64}");
        }
        if (!groups.contains(group)) {
            throw notFound("Schedule group " + group + " does not exist.");
        }
        if (window == null || window.mode() == null) {
            throw invalid("FlexibleTimeWindow is required");
        }
        if (target == null || target.arn() == null || target.roleArn() == null) {
            throw invalid("Target.Arn and Target.RoleArn are required");
        }
        if (timezone != null) {
            try {
                ZoneId.of(timezone);
            } catch (DateTimeException e) {
                throw invalid("Invalid time zone " + timezone);
            }
        }
        if (expression == null || !expression.startsWith("cron(") || !expression.endsWith(")")) {
            throw invalid("Invalid Schedule Expression " + expression);
        }
        String[] f = expression.substring(5, expression.length() - 1).split(" ");
        if (f.length != 6 || (f[2].equals("?") == f[4].equals("?")) || !DAY_OF_WEEK.matcher(f[4]).matches()) {
            throw invalid("Invalid Schedule Expression " + expression
                    + ": six fields, one of day-of-month and day-of-week '?', days of the week 1-7 or SUN-SAT");
        }
    }

    private static String arn(String group, String name) {
        return "arn:aws:scheduler:eu-west-1:999999999999:schedule/" + group + "/" + name;
    }

    private static ValidationException invalid(String message) {
        return (ValidationException) ValidationException.builder().statusCode(400).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").errorMessage(message).build())
                .build();
    }

    private static ConflictException conflict(String message) {
        return (ConflictException) ConflictException.builder().statusCode(409).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ConflictException").errorMessage(message).build())
                .build();
    }

    private static ResourceNotFoundException notFound(String message) {
        return (ResourceNotFoundException) ResourceNotFoundException.builder().statusCode(404).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFoundException").errorMessage(message).build())
                .build();
    }

    @Override
    public String serviceName() {
        return "scheduler";
    }

    @Override
    public void close() {
    }
}
