package com.lakesail.backend.di;

import com.lakesail.backend.aws.SchedulerSchedules;
import com.lakesail.backend.port.Schedules;
import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/**
 * Job schedules on EventBridge Scheduler, for the reconciler, which keeps them in step with jobs (the
 * API writes each sync request with the change, and leaves Scheduler's SDK out of its package): the schedule group, the role Scheduler invokes with
 * and the trigger function it invokes come from {@code SCHEDULE_GROUP}, {@code SCHEDULER_ROLE_ARN} and
 * {@code TRIGGER_FUNCTION_ARN}. The client is built on the first call.
 */
@Module
public final class SchedulerModule {
    private SchedulerModule() {
    }

    @Provides
    @Singleton
    static SchedulerClient scheduler(Region region, AwsCredentialsProvider credentials, SdkHttpClient http,
                                     ClientOverrideConfiguration overrides) {
        return SchedulerClient.builder().region(region).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(overrides).build();
    }

    @Provides
    @Singleton
    static Schedules schedules(Lazy<SchedulerClient> scheduler) {
        return new SchedulerSchedules(scheduler::get, Environment.required("SCHEDULE_GROUP"),
                Environment.required("SCHEDULER_ROLE_ARN"), Environment.required("TRIGGER_FUNCTION_ARN"));
    }
}
