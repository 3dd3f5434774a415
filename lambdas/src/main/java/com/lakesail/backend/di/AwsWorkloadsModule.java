package com.lakesail.backend.di;

import com.lakesail.backend.service.job.CallbackEndpoint;
import com.lakesail.backend.service.job.JobRunLimits;
import dagger.Module;
import dagger.Provides;
import java.net.URI;
import javax.inject.Singleton;

/**
 * Job runs on AWS: their limits and where runners report. Their compute, the clusters' agents, is
 * {@link CustomerCloudModule}'s (only the task function reaches customers' accounts).
 */
@Module
public final class AwsWorkloadsModule {
    private AwsWorkloadsModule() {
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
