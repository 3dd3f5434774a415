package com.lakesail.backend.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.kubernetes.Images;
import io.fabric8.kubernetes.client.Config;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The agent reaches its cluster with the stack's endpoint and CA and a token of its own role, nothing else. */
class KubernetesConnectorTest {
    static final AgentSettings SETTINGS = new AgentSettings("eu-west-1", "lakesail-clu-1",
            "https://ABC.gr7.eu-west-1.eks.amazonaws.com", "LS0tLS1CRUdJTi0=", new Images("sail", "runner", "aws-cli"));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void config_whenConnecting_usesTheEndpointCaAndAnEksTokenSignedWithTheFunctionsRole() {
        Config config = new KubernetesConnector(SETTINGS, () -> Map.of("AWS_ACCESS_KEY_ID", "ASIAFAKE1",
                "AWS_SECRET_ACCESS_KEY", "secret1", "AWS_SESSION_TOKEN", "token1"), CLOCK).config();

        assertEquals("https://ABC.gr7.eu-west-1.eks.amazonaws.com/", config.getMasterUrl());
        assertEquals("LS0tLS1CRUdJTi0=", config.getCaCertData());
        assertEquals(KubernetesConnector.REQUEST_TIMEOUT_MILLIS, config.getRequestTimeout());
        assertEquals(0, config.getRequestRetryBackoffLimit());
        String token = config.getOauthToken();
        assertTrue(token.startsWith("k8s-aws-v1."));
        URI presigned = URI.create(new String(Base64.getUrlDecoder().decode(token.substring(11)), StandardCharsets.UTF_8));
        Map<String, String> query = Arrays.stream(presigned.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertEquals("sts.eu-west-1.amazonaws.com", presigned.getHost());
        assertEquals("GetCallerIdentity", query.get("Action"));
        assertEquals("60", query.get("X-Amz-Expires"));
        assertEquals("20260101T000000Z", query.get("X-Amz-Date"));
        assertTrue(query.get("X-Amz-SignedHeaders").contains("x-k8s-aws-id"), query.toString());
        assertEquals("token1", query.get("X-Amz-Security-Token"));
        assertTrue(query.get("X-Amz-Credential").startsWith("ASIAFAKE1/20260101/eu-west-1/sts/"), query.get("X-Amz-Credential"));
        assertEquals(64, query.get("X-Amz-Signature").length());
    }

    @Test
    void config_whenTheFunctionHasNoCredentials_saysSo() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new KubernetesConnector(SETTINGS, Map::of, CLOCK).config());

        assertEquals("the function has no AWS credentials in its environment", e.getMessage());
    }

    @Test
    void settings_whenAVariableIsMissing_nameIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AgentSettings.from(Map.of(
                "AWS_REGION", "eu-west-1", "CLUSTER_NAME", "lakesail-clu-1", "CLUSTER_ENDPOINT", "https://x")));

        assertEquals("environment variable CLUSTER_CERTIFICATE_AUTHORITY is not set", e.getMessage());
    }
}
