package com.lakesail.backend.di;

import com.lakesail.backend.port.WorkloadRuntime;
import com.lakesail.backend.service.job.CallbackEndpoint;
import com.lakesail.backend.service.job.JobRunLimits;
import com.lakesail.backend.service.job.UnavailableWorkloadRuntime;
import dagger.Module;
import dagger.Provides;
import java.net.URI;
import javax.inject.Singleton;

/** Job runs on AWS: their limits, where runners report, and the compute they run on. */
@Module
public final class AwsWorkloadsModule {
    private AwsWorkloadsModule() {
    }

    /**
     * The compute of job runs on EKS is not in this build yet (it runs through the in-VPC agent): a
     * run fails at its Sail stage saying so.
     */
    @Provides
    @Singleton
    static WorkloadRuntime workloadRuntime() {
        return new UnavailableWorkloadRuntime("running jobs on EKS clusters is not available in this build yet");
    }

    /** The API's stage URL, where a run's Sail watcher and runner report ({@code API_ENDPOINT}). */
    @Provides
    @Singleton
    static CallbackEndpoint callbackEndpoint() {
        URI endpoint = URI.create(Environment.required("API_ENDPOINT"));
        return () -> endpoint;
    }

    @Provides
    static JobRunLimits jobRunLimits() {
        return JobRunLimits.aws();
    }
}
