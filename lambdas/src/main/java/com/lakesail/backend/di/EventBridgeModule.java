package com.lakesail.backend.di;

import com.lakesail.backend.aws.EventBridgeEvents;
import com.lakesail.backend.port.Events;
import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * State-change events on the control plane's bus ({@code EVENT_BUS_NAME}), for every function but the
 * API (which leaves the events it records to the next task of their run's or session's workflow, and
 * keeps EventBridge's SDK out of its package). The client is built on the first publish.
 */
@Module
public final class EventBridgeModule {
    private EventBridgeModule() {
    }

    @Provides
    @Singleton
    static EventBridgeClient eventBridge(Region region, AwsCredentialsProvider credentials, SdkHttpClient http,
                                         ClientOverrideConfiguration overrides) {
        return EventBridgeClient.builder().region(region).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(overrides).build();
    }

    @Provides
    @Singleton
    static Events events(Lazy<EventBridgeClient> eventBridge) {
        return new EventBridgeEvents(eventBridge::get, Environment.required("EVENT_BUS_NAME"));
    }
}
