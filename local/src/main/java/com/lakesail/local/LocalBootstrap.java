package com.lakesail.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.backend.domain.DomainException;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.service.Authenticator;
import com.lakesail.backend.service.Idempotency;
import com.lakesail.backend.service.IdentityService;
import com.lakesail.backend.service.Principal;
import com.lakesail.backend.store.Items;
import com.lakesail.backend.store.Keys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Gives the local backend a default user, organization and token, and writes them to
 * {@code <data dir>/local-backend.json} (owner-only permissions) for the SDK's
 * {@code LakeSail.fromLocalBackend()} and the samples. A restart reuses the file's token while it
 * still works; otherwise it issues a new one for the same user.
 */
final class LocalBootstrap {
    static final String CONNECTION_FILE = "local-backend.json";
    static final String EMAIL = "admin@lakesail.local";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IdentityService identity;
    private final Authenticator authenticator;
    private final Store store;

    LocalBootstrap(IdentityService identity, Authenticator authenticator, Store store) {
        this.identity = identity;
        this.authenticator = authenticator;
        this.store = store;
    }

    LocalBackend.Bootstrap run(URI endpoint, Path dataDirectory) {
        Path file = dataDirectory == null ? null : dataDirectory.resolve(CONNECTION_FILE);
        LocalBackend.Bootstrap boot = reuse(endpoint, file).orElseGet(() -> create(endpoint));
        if (file != null) {
            write(file, boot);
        }
        return boot;
    }

    private Optional<LocalBackend.Bootstrap> reuse(URI endpoint, Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode saved = JSON.readTree(file.toFile());
            String token = saved.path("token").asText();
            Principal principal = authenticator.authenticate("Bearer " + token);
            String orgId = saved.path("organizationId").asText();
            boolean stillMember = identity.me(principal).memberships().stream()
                    .anyMatch(m -> m.organization().id().equals(orgId));
            return stillMember ? Optional.of(new LocalBackend.Bootstrap(endpoint, token, orgId, principal.userId())) : Optional.empty();
        } catch (IOException | DomainException e) {
            return Optional.empty();
        }
    }

    private LocalBackend.Bootstrap create(URI endpoint) {
        Optional<String> existingUser = store.get(Keys.email(EMAIL)).map(i -> Items.decode(i, Items.EmailOwner.class).userId());
        if (existingUser.isEmpty()) {
            IdentityService.SignupResult signup = identity.signup(
                    new IdentityService.Signup(EMAIL, "Local Admin", "local"), Idempotency.NONE);
            return new LocalBackend.Bootstrap(endpoint, signup.token().secret(), signup.organization().id(), signup.user().id());
        }
        Principal principal = new Principal(existingUser.get(), null);
        IdentityService.CreatedToken token = identity.createToken(principal, "local-bootstrap", 365, Idempotency.NONE);
        String orgId = identity.me(principal).memberships().stream().findFirst()
                .map(m -> m.organization().id())
                .orElseThrow(() -> new IllegalStateException(EMAIL + " belongs to no organization"));
        return new LocalBackend.Bootstrap(endpoint, token.secret(), orgId, principal.userId());
    }

    private static void write(Path file, LocalBackend.Bootstrap boot) {
        try {
            Path tmp = Files.createTempFile(file.getParent(), CONNECTION_FILE, ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the data directory's own permissions apply.
            }
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), JSON.createObjectNode()
                    .put("endpoint", boot.endpoint().toString()).put("token", boot.token())
                    .put("organizationId", boot.organizationId()).put("userId", boot.userId()));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
