package com.lakesail.samples;

import com.lakesail.local.LocalBackend;
import com.lakesail.local.LocalMain;
import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.exception.ConflictException;
import com.lakesail.sdk.identity.ApiToken;
import com.lakesail.sdk.identity.CreatedToken;
import com.lakesail.sdk.identity.Me;
import com.lakesail.sdk.organizations.Organization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The README's "run" command: starts its own local backend (on a free port, with its data in a
 * temporary directory, so it never touches a backend you started), then walks through the SDK as its
 * default user: organizations and tokens, a second user in a team, infrastructure from a cloud account
 * to a cluster, jobs run on the local engine and a session on the same cluster and catalog (real local
 * Sails), and back; then jobs that start themselves (a file landing in the local bucket folder, another
 * job's success, a schedule).
 * Pass {@code --port N} / {@code --data-dir DIR} / {@code --sandbox-speed N} to choose them.
 */
public final class Walkthrough {
    private Walkthrough() {
    }

    public static void main(String[] args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        // Its own data directory, never a standalone backend's .lakesail: the two would share (and
        // overwrite) one database and connection file. A temporary one unless --data-dir names one.
        Path temporary = all.contains("--data-dir") ? null : Files.createTempDirectory("lakesail-walkthrough");
        if (temporary != null) {
            all.addAll(List.of("--data-dir", temporary.toString()));
        }
        LocalMain.Options options = LocalMain.Options.parse(withDefaults(all)).withoutRequestLog();
        try (LocalBackend backend = LocalMain.start(options);
             LakeSail lakesail = LakeSail.fromLocalBackend(options.dataDirectory().resolve("local-backend.json"))) {
            run(lakesail);
            TeamWalkthrough.run(lakesail, backend.endpoint());
            InfraWalkthrough.run(lakesail, options.dataDirectory(), (clusterId, catalog) -> SessionWalkthrough.run(lakesail,
                    backend.engine().launcher(), options.dataDirectory(), clusterId, catalog));
            TriggersWalkthrough.run(lakesail, options.dataDirectory());
            step("Done.");
        } finally {
            if (temporary != null) {
                try (Stream<Path> paths = Files.walk(temporary)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        }
    }

    static void run(LakeSail lakesail) {
        step("Who am I?");
        Me me = lakesail.me().get();
        System.out.printf("  %s <%s>, member of %d organization(s)%n",
                me.user().name(), me.user().email(), me.memberships().size());

        step("Create a second organization (the SDK adds an Idempotency-Key, so a retry never duplicates it)");
        Organization analytics = lakesail.organizations().create(r -> r.name("analytics"));
        System.out.printf("  created %s \"%s\" (version %d)%n", analytics.id(), analytics.name(), analytics.version());

        step("Rename it, naming the version we read (optimistic locking)");
        Organization renamed = lakesail.organizations().update(r -> r.organizationId(analytics.id())
                .name("analytics-prod").version(analytics.version()));
        System.out.printf("  now \"%s\" at version %d%n", renamed.name(), renamed.version());
        try {
            lakesail.organizations().update(r -> r.organizationId(analytics.id()).name("stale").version(analytics.version()));
        } catch (ConflictException e) {
            System.out.printf("  a second rename with the old version is refused, as expected: %s: %s%n", e.code(), e.errorMessage());
        }

        step("List my organizations (lazily paged)");
        for (Organization org : lakesail.organizations().list(r -> r.limit(2))) {
            System.out.printf("  %s  %-20s version %d%n", org.id(), org.name(), org.version());
        }

        step("Issue a short-lived token, list tokens, revoke it");
        CreatedToken ci = lakesail.tokens().create(r -> r.name("ci").expiresInDays(1));
        System.out.printf("  new token %s (%s...), secret shown once%n", ci.token().id(), ci.token().prefix());
        for (ApiToken token : lakesail.tokens().list()) {
            System.out.printf("  %s  %-16s %-8s expires %s%n", token.id(), token.name(), token.revokedAt() == null ? "active" : "revoked", token.expiresAt());
        }
        lakesail.tokens().delete(ci.token().id());
        System.out.printf("  revoked %s%n", ci.token().id());

    }

    static void step(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    /**
     * The walkthrough takes a free port unless told otherwise, so it never clashes with a running
     * backend, and runs the sandbox cloud 4 times as fast as its realistic defaults (a 5 s cluster).
     */
    private static String[] withDefaults(List<String> all) {
        if (!all.contains("--port")) {
            all.addAll(List.of("--port", "0"));
        }
        if (!all.contains("--sandbox-speed") && System.getenv("LAKESAIL_SANDBOX_SPEED") == null) {
            all.addAll(List.of("--sandbox-speed", "4"));
        }
        return all.toArray(String[]::new);
    }
}
