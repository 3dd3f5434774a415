package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.access.AccessPath;
import com.lakesail.sdk.access.AuditEvent;
import com.lakesail.sdk.access.AuditOutcome;
import com.lakesail.sdk.access.CreatedInvitation;
import com.lakesail.sdk.access.InvitationStatus;
import com.lakesail.sdk.access.Member;
import com.lakesail.sdk.access.Role;
import com.lakesail.sdk.access.RoleBinding;
import com.lakesail.sdk.access.Subject;
import com.lakesail.sdk.access.SubjectType;
import com.lakesail.sdk.access.Team;
import com.lakesail.sdk.access.WhoCan;
import com.lakesail.sdk.exception.AccessDeniedException;
import com.lakesail.sdk.exception.ConflictException;
import com.lakesail.sdk.exception.ResourceNotFoundException;
import com.lakesail.sdk.identity.SignupResult;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Identity and access through the SDK, against the embedded backend over HTTP. */
class LocalBackendAccessSdkTest {
    /** Emails are unique per run, so the test can share a backend with others. */
    private static final long RUN = System.nanoTime();
    private static LocalBackend backend;

    @BeforeAll
    static void start() {
        backend = LocalBackend.builder().port(0).inMemory().start();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void accessServices_whenASecondUserIsInvitedIntoATeam_grantAndRefuseAccordingly() {
        SignupResult ada = signup("ada");
        try (LakeSail admin = client(ada, ada.organization().id())) {
            Team platform = admin.teams().create(r -> r.name("platform"));
            CreatedInvitation invitation = admin.invitations()
                    .create(r -> r.email(email("bob")).roleIds(List.of("analyst")).teamIds(List.of(platform.id())));
            assertEquals(InvitationStatus.PENDING, invitation.invitation().status());
            assertTrue(invitation.token().startsWith("lsi_"));
            assertTrue(!invitation.toString().contains(invitation.token()), "the token is masked");

            SignupResult bobSignup = LakeSail.signup(backend.endpoint(), r -> r.email(email("bob")).name("Bob").organizationName("bob"));
            try (LakeSail bob = client(bobSignup, ada.organization().id())) {
                Member joined = bob.invitations().accept(invitation.token());
                assertEquals(List.of("analyst"), joined.roles());
                assertThrows(ConflictException.class, () -> bob.invitations().accept(invitation.token()));

                RoleBinding binding = admin.roleBindings().create(r -> r.roleId("infra-admin").subject(Subject.team(platform.id())));
                assertEquals(SubjectType.TEAM, binding.subject().type());
                WhoCan who = admin.access().whoCan("clusters:create", null);
                AccessPath viaTeam = who.members().stream().filter(m -> m.memberId().equals(joined.id())).findFirst()
                        .orElseThrow().paths().get(0);
                assertEquals("team", viaTeam.via());
                assertEquals("platform", viaTeam.teamName());
                assertEquals("infra-admin", viaTeam.roleId());

                assertThrows(AccessDeniedException.class, () -> bob.teams().create(r -> r.name("mine")));
                assertEquals(2, admin.members().list(r -> r.limit(1)).stream().count());
                assertTrue(admin.roles().list().stream().map(Role::id).toList().containsAll(
                        List.of("owner", "admin", "infra-admin", "developer", "analyst", "viewer")));

                List<AuditEvent> audit = admin.auditEvents().list(r -> r.actorId(bobSignup.user().id())).stream().toList();
                assertEquals(List.of(AuditOutcome.DENIED, AuditOutcome.SUCCESS), audit.stream().map(AuditEvent::outcome).toList());
                assertEquals("invitations:accept", audit.get(1).action());
                assertNotNull(audit.get(1).requestId());

                admin.members().remove(joined.id());
                assertThrows(ResourceNotFoundException.class, () -> bob.organizations().get());
            }
        }
    }

    private static SignupResult signup(String name) {
        return LakeSail.signup(backend.endpoint(), r -> r.email(email(name)).name(name).organizationName(name));
    }

    private static String email(String name) {
        return name + "-" + RUN + "@sdk.example.com";
    }

    private static LakeSail client(SignupResult user, String orgId) {
        return LakeSail.builder().endpoint(backend.endpoint()).token(user.token().secret()).organization(orgId).build();
    }
}
