package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.local.LocalBackend;
import com.lakesail.local.sandbox.SandboxTimings;
import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.organizations.Organization;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class EmbeddedBackendTest {

    @Test
    void backend_whenEmbedded_servesTheSdkAndLogsThroughTheApplicationsBinding() throws Exception {
        LoggerFactory.getLogger(EmbeddedBackendTest.class).info("the application logs here");
        try (LocalBackend backend = LocalBackend.builder().port(0).inMemory()
                .sandboxTimings(SandboxTimings.defaults().faster(100)).start()) {
            LocalBackend.Bootstrap boot = backend.bootstrap();
            try (LakeSail lakesail = LakeSail.builder().endpoint(backend.endpoint()).token(boot.token())
                    .organization(boot.organizationId()).build()) {
                Organization created = lakesail.organizations().create(r -> r.name("embedded"));
                assertEquals("embedded", lakesail.organizations().get(created.id()).name());
            }
        }
        String log = Files.readString(Path.of("target/app.log"));
        assertTrue(log.contains("the application logs here"), log);
        assertTrue(log.contains("org.eclipse.jetty"), "the backend's server did not log through slf4j-simple");
        // Nothing imposed: no binding of LakeSail's choosing, no AWS SDK, no Fabric8.
        for (String absent : new String[] {"org.slf4j.nop.NOPServiceProvider", "software.amazon.awssdk.core.SdkClient",
                "io.fabric8.kubernetes.client.KubernetesClient", "com.amazonaws.services.lambda.runtime.Context"}) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(absent), absent);
        }
    }
}
