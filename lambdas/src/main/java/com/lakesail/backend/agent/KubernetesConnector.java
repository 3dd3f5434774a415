package com.lakesail.backend.agent;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Opens a Fabric8 client on the agent's cluster for one command: the private endpoint and CA from
 * the stack, a fresh EKS token signed with the function's own credentials (Lambda puts them in the
 * environment), the JDK HTTP client (no Netty, Vert.x or OkHttp in the package), and nothing read
 * from a kubeconfig or a service-account mount.
 */
public final class KubernetesConnector implements Supplier<KubernetesClient> {
    /** A command makes a handful of calls and the function has 30 s: no single call may take most of it. */
    static final int CONNECT_TIMEOUT_MILLIS = 4_000;
    static final int REQUEST_TIMEOUT_MILLIS = 8_000;

    private final AgentSettings settings;
    private final Supplier<Map<String, String>> environment;
    private final Clock clock;

    public KubernetesConnector(AgentSettings settings, Supplier<Map<String, String>> environment, Clock clock) {
        this.settings = settings;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public KubernetesClient get() {
        return new KubernetesClientBuilder().withConfig(config()).withHttpClientFactory(new JdkHttpClientFactory()).build();
    }

    Config config() {
        String token = EksTokens.token(credentials(), settings.region(), settings.clusterName(), clock);
        // Config.empty(): nothing from ~/.kube/config, the environment or a service account token.
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(settings.endpoint())
                .withCaCertData(settings.certificateAuthority())
                .withOauthToken(token)
                .withConnectionTimeout(CONNECT_TIMEOUT_MILLIS)
                .withRequestTimeout(REQUEST_TIMEOUT_MILLIS)
                // The control plane's workflow owns retrying, with its own backoff and attempt budget.
                .withRequestRetryBackoffLimit(0)
                .build();
    }

    /** The function's role, as Lambda hands it over; read per command, so a renewed session is used at once. */
    private AwsCredentialsIdentity credentials() {
        Map<String, String> env = environment.get();
        String keyId = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (keyId == null || secret == null) {
            throw new IllegalStateException("the function has no AWS credentials in its environment");
        }
        String session = env.get("AWS_SESSION_TOKEN");
        return session == null ? AwsCredentialsIdentity.create(keyId, secret)
                : AwsSessionCredentialsIdentity.create(keyId, secret, session);
    }
}
