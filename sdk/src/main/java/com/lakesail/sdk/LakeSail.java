package com.lakesail.sdk;

import com.lakesail.sdk.access.AccessService;
import com.lakesail.sdk.access.AuditEventService;
import com.lakesail.sdk.access.InvitationService;
import com.lakesail.sdk.access.MemberService;
import com.lakesail.sdk.access.RoleBindingService;
import com.lakesail.sdk.access.RoleService;
import com.lakesail.sdk.access.TeamService;
import com.lakesail.sdk.identity.MeService;
import com.lakesail.sdk.identity.SignupRequest;
import com.lakesail.sdk.identity.SignupResult;
import com.lakesail.sdk.identity.TokenService;
import com.lakesail.sdk.infrastructure.CatalogService;
import com.lakesail.sdk.infrastructure.CloudAccountService;
import com.lakesail.sdk.infrastructure.ClusterService;
import com.lakesail.sdk.infrastructure.NetworkService;
import com.lakesail.sdk.internal.DefaultLakeSail;
import com.lakesail.sdk.internal.DefaultLakeSailBuilder;
import com.lakesail.sdk.internal.LocalBackendFile;
import com.lakesail.sdk.jobs.JobRunService;
import com.lakesail.sdk.jobs.JobService;
import com.lakesail.sdk.organizations.OrganizationService;
import com.lakesail.sdk.queries.QueryService;
import com.lakesail.sdk.sessions.SessionService;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The LakeSail client. It authenticates with one API token and acts in one organization at a
 * time; {@link #withOrganization(String)} gives a client acting in another. Requests are retried
 * as the {@link RetryPolicy} says, creates carry an {@code Idempotency-Key}, lists are fetched
 * lazily ({@link Paginated}), and errors are thrown as subclasses of
 * {@link com.lakesail.sdk.exception.LakeSailException}. A client is thread-safe; build one and
 * share it, and close it when done.
 *
 * <pre>{@code
 * try (LakeSail lakesail = LakeSail.builder()
 *         .endpoint(URI.create("https://api.lakesail.example"))
 *         .token(System.getenv("LAKESAIL_TOKEN"))
 *         .organization("org_7Qk2...")
 *         .build()) {
 *     System.out.println("signed in as " + lakesail.me().get().user().email());
 *     Organization acme = lakesail.organizations().create(r -> r.name("acme"));
 *     for (Organization org : lakesail.organizations().list()) {
 *         System.out.println(org.id() + " " + org.name());
 *     }
 * }
 *
 * // Against the local backend, which writes its endpoint and token to a file:
 * try (LakeSail local = LakeSail.fromLocalBackend()) { ... }
 * }</pre>
 *
 * Implement this interface (or the service interfaces) to fake the client in a test.
 */
public interface LakeSail extends AutoCloseable {

    static Builder builder() {
        return new DefaultLakeSailBuilder();
    }

    /**
     * A client for the local backend, from the connection file it writes: the path in
     * {@code $LAKESAIL_LOCAL_FILE}, else {@code $LAKESAIL_DATA_DIR/local-backend.json}, else
     * {@code .lakesail/local-backend.json} under the working directory.
     *
     * @throws com.lakesail.sdk.exception.SdkClientException if the file is missing or unreadable
     */
    static LakeSail fromLocalBackend() {
        return fromLocalBackend(LocalBackendFile.locate(System.getenv(), Path.of("").toAbsolutePath()));
    }

    /** A client for the local backend whose connection file is {@code file}. */
    static LakeSail fromLocalBackend(Path file) {
        return LocalBackendFile.read(file).applyTo(builder()).build();
    }

    /**
     * Signs a new user up ({@code POST /v1/signup}, no token needed) and returns the user, the
     * first organization and a first token.
     */
    static SignupResult signup(URI endpoint, SignupRequest request) {
        return DefaultLakeSail.signup(endpoint, request);
    }

    static SignupResult signup(URI endpoint, Consumer<SignupRequest.Builder> request) {
        SignupRequest.Builder builder = SignupRequest.builder();
        request.accept(builder);
        return signup(endpoint, builder.build());
    }

    /** The organization this client acts in, if one was set. */
    Optional<String> organizationId();

    /**
     * A client acting in another organization, sharing this client's connections and settings.
     * Closing it leaves this client open; closing this client closes both.
     */
    LakeSail withOrganization(String organizationId);

    MeService me();

    TokenService tokens();

    OrganizationService organizations();

    /** Members of this client's organization. */
    MemberService members();

    /** Invitations into this client's organization, and accepting one. */
    InvitationService invitations();

    TeamService teams();

    /** Built-in and custom roles. */
    RoleService roles();

    RoleBindingService roleBindings();

    /** The organization's audit log. */
    AuditEventService auditEvents();

    /** Who may do what, and why. */
    AccessService access();

    /** Cloud accounts of this client's organization: the AWS accounts LakeSail works in. */
    CloudAccountService cloudAccounts();

    /** Networks (VPCs) of this client's organization. */
    NetworkService networks();

    /** Clusters of this client's organization. */
    ClusterService clusters();

    /** Catalogs of this client's organization. */
    CatalogService catalogs();

    /** Jobs of this client's organization: versioned definitions of work, and starting runs of them. */
    JobService jobs();

    /** Runs of this client's organization's jobs: read, list, cancel, retry, logs. */
    JobRunService jobRuns();

    /** Saved queries of this client's organization: named, versioned SQL with declared parameters. */
    QueryService queries();

    /** Interactive sessions of this client's organization: open one, run SQL in it, hand out Spark Connect tokens. */
    SessionService sessions();

    /** Releases the client's threads; later calls fail with an {@code SdkClientException}. */
    @Override
    void close();

    /** Builds a {@link LakeSail} client; endpoint and token are required. */
    interface Builder {

        /** The API's base address, e.g. {@code https://api.example.com/prod} or {@code http://127.0.0.1:8787}. */
        Builder endpoint(URI endpoint);

        /** The API token, {@code lsk_...}, sent as a bearer token. */
        Builder token(String token);

        /** The organization to act in, {@code org_...}. */
        Builder organization(String organizationId);

        /** How long to wait for a connection; 10 s by default. */
        Builder connectTimeout(Duration connectTimeout);

        /** How long one attempt of a request may take, response included; 30 s by default. */
        Builder requestTimeout(Duration requestTimeout);

        /** {@link RetryPolicy#defaultPolicy()} by default. */
        Builder retryPolicy(RetryPolicy retryPolicy);

        /** Appended to the {@code User-Agent} header, e.g. {@code my-app/1.2}. */
        Builder userAgentSuffix(String userAgentSuffix);

        LakeSail build();
    }
}
