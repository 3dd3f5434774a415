package com.lakesail.backend.di;

import com.lakesail.backend.api.ApiGatewayEndpoint;
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

    /**
     * The API's stage URL, where a run's Sail watcher and runner and a session's server report, and the
     * session tokens' issuer: {@code API_ENDPOINT} where template.yaml sets it (every function but the
     * API's), else what the API function learns from its requests ({@link ApiGatewayEndpoint}).
     */
    @Provides
    @Singleton
    static CallbackEndpoint callbackEndpoint() {
        String configured = System.getenv("API_ENDPOINT");
        if (configured == null || configured.isBlank()) {
            return ApiGatewayEndpoint::current;
        }
        URI endpoint = URI.create(configured);
        return () -> endpoint;
    }

    @Provides
    static JobRunLimits jobRunLimits() {
        return JobRunLimits.aws();
    }
}
