package com.lakesail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.local.LocalBackend;
import com.lakesail.local.sandbox.SandboxTimings;
import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.access.CreatedInvitation;
import com.lakesail.sdk.identity.SignupResult;
import com.lakesail.sdk.jobs.JobRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end against a local backend: the way a person or a script uses it. */
class CliEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalBackend backend;
    private static LocalBackend.Bootstrap owner;

    @TempDir
    Path home;
    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        backend = LocalBackend.builder().port(0).inMemory().sandboxTimings(SandboxTimings.defaults().faster(50)).start();
        owner = backend.bootstrap();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    private CliRun cli() {
        return new CliRun(home, work).env("LAKESAIL_ENDPOINT", owner.endpoint().toString()).env("LAKESAIL_TOKEN", owner.token())
                .env("LAKESAIL_ORGANIZATION", owner.organizationId());
    }

    private static JsonNode json(CliRun.Result result) throws Exception {
        assertEquals(0, result.status(), result::toString);
        return JSON.readTree(result.out());
    }

    private String activeAccount(String name) throws Exception {
        JsonNode account = json(cli().run("accounts", "create", "--name", name, "--aws-account-id",
                String.format("%012d", System.nanoTime() % 1_000_000_000_000L), "--output", "json"));
        String id = account.get("id").asText();
        String roleArn = "arn:aws:iam::" + account.get("awsAccountId").asText() + ":role/lakesail-" + id.replace('_', '-');
        assertEquals("active", json(cli().run("accounts", "attach-role", id, "--role-arn", roleArn, "--wait", "--output", "json"))
                .get("status").asText());
        return id;
    }

    @Test
    void infrastructure_whenCreatedWithWait_endsActiveAndShowsOneLinePerChange() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        JsonNode account = json(cli().run("accounts", "create", "--name", "aws-" + suffix, "--aws-account-id",
                String.format("%012d", System.nanoTime() % 1_000_000_000_000L), "--output", "json"));
        String accountId = account.get("id").asText();
        String roleArn = "arn:aws:iam::" + account.get("awsAccountId").asText() + ":role/lakesail-" + accountId.replace('_', '-');

        JsonNode attached = json(cli().run("accounts", "attach-role", accountId, "--role-arn", roleArn, "--wait", "--output", "json"));
        CliRun.Result network = cli().run("networks", "create", "--name", "net-" + suffix, "--account", accountId,
                "--region", "us-east-1", "--cidr", "10.42.0.0/16", "--wait", "--output", "json");
        String networkId = json(network).get("id").asText();
        CliRun.Result cluster = cli().run("clusters", "create", "--name", "sail-" + suffix, "--network", networkId,
                "--desired", "3", "--max", "4", "--wait", "--output", "json");

        assertEquals("active", attached.get("status").asText());
        assertEquals("active", json(network).get("status").asText());
        JsonNode active = json(cluster);
        assertEquals("active", active.get("status").asText());
        assertEquals(3, active.get("managementNodes").get("desired").asInt());
        // Not a terminal: plain lines, one per change, none redrawn with carriage returns.
        List<String> lines = cluster.err().lines().toList();
        assertTrue(lines.size() >= 2, cluster::toString);
        assertTrue(lines.stream().allMatch(l -> l.startsWith("cluster sail-" + suffix + ": ")), cluster::toString);
        assertEquals(lines.size(), lines.stream().distinct().count(), cluster::toString);
        assertTrue(lines.get(lines.size() - 1).endsWith("active, 100%"), cluster::toString);
        assertFalse(cluster.err().contains("\r"), cluster::toString);

        CliRun.Result table = cli().run("clusters", "list", "--network", networkId);
        assertEquals(0, table.status(), table::toString);
        assertTrue(table.out().startsWith("ID "), table::toString);
        assertTrue(table.out().contains(active.get("id").asText()) && table.out().contains("active"), table::toString);
        JsonNode listed = json(cli().run("clusters", "list", "--network", networkId, "--output", "json"));
        assertTrue(listed.isArray() && listed.size() == 1, listed::toString);

        CliRun.Result deleted = cli().run("clusters", "delete", active.get("id").asText(), "--wait", "--output", "json");
        assertEquals("destroyed", json(deleted).get("status").asText());
    }

    @Test
    void waitAtTerminal_drawsOneBarRedrawnInPlace() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        String accountId = activeAccount("bar-" + suffix);

        CliRun.Result network = cli().interactive(true).run("networks", "create", "--name", "bar-" + suffix, "--account",
                accountId, "--region", "eu-west-1", "--cidr", "10.9.0.0/16", "--wait");

        assertEquals(0, network.status(), network::toString);
        assertTrue(network.err().startsWith("\rnetwork bar-" + suffix + "  ["), network::toString);
        assertTrue(network.err().contains("100% active"), network::toString);
        assertTrue(network.err().endsWith("\n") && network.err().indexOf('\n') == network.err().length() - 1, network::toString);
    }

    @Test
    void jobFromFile_whenRunWithFollow_showsTheRunsEndAndExitsWithItsOutcome() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        String accountId = activeAccount("job-" + suffix);
        String networkId = json(cli().run("networks", "create", "--name", "job-" + suffix, "--account", accountId, "--region",
                "us-east-1", "--cidr", "10.7.0.0/16", "--wait", "--output", "json")).get("id").asText();
        String clusterId = json(cli().run("clusters", "create", "--name", "job-" + suffix, "--network", networkId, "--wait",
                "--output", "json")).get("id").asText();
        Path file = work.resolve("job.json");
        Files.writeString(file, """
                {"name": "daily-%s", "description": "sums", "definition": {"clusterId": "%s",
                 "entrypoint": {"type": "sql", "statements": ["SELECT :n + 1 AS answer"]},
                 "parameters": [{"name": "n", "type": "bigint", "default": 1}], "timeoutSeconds": 600}}
                """.formatted(suffix, clusterId));

        JsonNode job = json(cli().run("jobs", "create", "-f", file.toString(), "--output", "json"));
        CliRun.Result followed = cli().run("jobs", "run", job.get("id").asText(), "-p", "n=41", "--follow");
        CliRun.Result scripted = cli().run("jobs", "run", job.get("id").asText(), "--wait", "--output", "json");

        try (LakeSail lakesail = LakeSail.builder().endpoint(owner.endpoint()).token(owner.token())
                .organization(owner.organizationId()).build()) {
            JobRun run = lakesail.jobRuns().list(r -> r.jobId(job.get("id").asText())).stream()
                    .filter(r -> r.parameters().get("n") != null && ((Number) r.parameters().get("n")).longValue() == 41)
                    .findFirst().orElseThrow();
            assertTrue(run.status().isTerminal(), run::toString);
            String runLine = "run " + run.id() + ": ";
            // Each state change a poll sees is one line; the last is where it ended.
            List<String> states = followed.err().lines().filter(l -> l.startsWith(runLine)).toList();
            assertFalse(states.isEmpty(), followed::toString);
            assertEquals(runLine + run.status().value(), states.get(states.size() - 1), followed::toString);
            if (run.status().isSuccess()) {
                assertEquals(ExitCode.OK, followed.status(), followed::toString);
                assertTrue(followed.out().contains("answer") && followed.out().contains("42"), followed::toString);
            } else {
                // Until the local engine runs jobs, every run fails at its Sail stage, and says so.
                assertEquals(ExitCode.FAILED, followed.status(), followed::toString);
                assertTrue(followed.err().contains("lakesail: run " + run.id() + " ended " + run.status().value() + ": "
                        + run.termination().code().toString().toLowerCase() + ": " + run.termination().message()), followed::toString);
            }
        }
        JsonNode ended = JSON.readTree(scripted.out());
        assertTrue(List.of("succeeded", "failed", "cancelled", "timeout").contains(ended.get("status").asText()), scripted::toString);
        assertEquals(ended.get("status").asText().equals("succeeded") ? 0 : 1, scripted.status(), scripted::toString);
        assertFalse(ended.has("terminalFailure"), ended::toString);

        JsonNode versions = json(cli().run("jobs", "versions", "list", job.get("id").asText(), "--output", "json"));
        assertEquals(1, versions.size());
        CliRun.Result draft = cli().run("jobs", "versions", "create", job.get("id").asText(), "-f", file.toString(), "--output", "json");
        assertEquals("draft", json(draft).get("status").asText());
        assertEquals(2, json(cli().run("jobs", "promote", job.get("id").asText(), "2", "--output", "json")).get("liveVersion").asInt());
        assertEquals("paused", json(cli().run("jobs", "pause", job.get("id").asText(), "--output", "json")).get("status").asText());
        assertEquals(ExitCode.CONFLICT, cli().run("jobs", "pause", job.get("id").asText()).status());
        assertEquals("active", json(cli().run("jobs", "resume", job.get("id").asText(), "--output", "json")).get("status").asText());
        CliRun.Result runs = cli().run("runs", "list", "--job", job.get("id").asText(), "--output", "json");
        assertEquals(2, json(runs).size(), runs::toString);
        CliRun.Result logs = cli().run("runs", "logs", json(runs).get(0).get("id").asText());
        assertEquals(0, logs.status(), logs::toString);
    }

    @Test
    void jobFileWithScheduleAndEventTrigger_whenAMatchingEventIsPut_startsARunWhoseEventsAreListed() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        String accountId = activeAccount("events-" + suffix);
        String networkId = json(cli().run("networks", "create", "--name", "events-" + suffix, "--account", accountId,
                "--region", "us-east-1", "--cidr", "10.8.0.0/16", "--wait", "--output", "json")).get("id").asText();
        String clusterId = json(cli().run("clusters", "create", "--name", "events-" + suffix, "--network", networkId, "--wait",
                "--output", "json")).get("id").asText();
        String source = "com.acme.orders-" + suffix;
        Path file = work.resolve("triggered.json");
        Files.writeString(file, """
                {"name": "orders-%s", "definition": {"clusterId": "%s",
                 "entrypoint": {"type": "sql", "statements": ["SELECT 1"]},
                 "schedule": {"cron": "0 2 * * *", "timezone": "Europe/Berlin"},
                 "triggers": [{"type": "event", "pattern": {"source": ["%s"], "detail-type": ["Order Batch Closed"]}}]}}
                """.formatted(suffix, clusterId, source));

        JsonNode job = json(cli().run("jobs", "create", "-f", file.toString(), "--output", "json"));
        String jobId = job.get("id").asText();
        JsonNode version = json(cli().run("jobs", "versions", "get", jobId, "1", "--output", "json"));
        CliRun.Result unmatched = cli().run("events", "put", "--source", source, "--detail-type", "Order Batch Opened");
        JsonNode put = json(cli().run("events", "put", "--source", source, "--detail-type", "Order Batch Closed",
                "--detail", "{\"region\": \"eu\"}", "--id", "batch-" + suffix, "--output", "json"));
        JsonNode again = json(cli().run("events", "put", "--source", source, "--detail-type", "Order Batch Closed",
                "--id", "batch-" + suffix, "--output", "json"));

        assertEquals("0 2 * * *", job.get("schedule").get("cron").asText(), job::toString);
        assertFalse(job.get("nextRunAt").isNull(), job::toString);
        assertEquals("Europe/Berlin", version.get("definition").get("schedule").get("timezone").asText(), version::toString);
        assertEquals("event", version.get("definition").get("triggers").get(0).get("type").asText(), version::toString);
        assertEquals(0, unmatched.status(), unmatched::toString);
        assertTrue(unmatched.out().startsWith("Put event ") && unmatched.out().contains(": no job's trigger matched it."),
                unmatched::toString);
        assertEquals(1, put.get("runs").size(), put::toString);
        String runId = put.get("runs").get(0).get("id").asText();
        assertEquals(jobId, put.get("runs").get(0).get("jobId").asText(), put::toString);
        assertEquals(runId, again.get("runs").get(0).get("id").asText(), "the same event id starts nothing twice: " + again);

        CliRun.Result cancelled = cli().run("runs", "cancel", runId, "--wait");
        assertEquals(0, cancelled.status(), cancelled::toString);
        JsonNode events = json(cli().run("events", "list", runId, "--output", "json"));
        CliRun.Result table = cli().run("events", "list", jobId, "--limit", "1");

        assertTrue(events.size() >= 2, events::toString);
        assertEquals("cancelled", events.get(0).get("detail").get("state").asText(), "newest first: " + events);
        assertEquals("pending", events.get(events.size() - 1).get("detail").get("state").asText(), events::toString);
        JsonNode created = events.get(events.size() - 1).get("detail").path("previousState");
        assertTrue(created.isMissingNode() || created.isNull(), "a new run has no previous state: " + events);
        assertEquals(0, table.status(), table::toString);
        List<String> lines = table.out().lines().toList();
        assertEquals(2, lines.size(), table::toString);
        assertTrue(lines.get(0).startsWith("TIME") && lines.get(1).contains("cancelled") && lines.get(1).contains(runId),
                table::toString);
    }

    @Test
    void eventsPut_whenTheDetailIsNoJsonObject_isAUsageErrorNamingTheOption() {
        CliRun.Result array = cli().run("events", "put", "--source", "com.acme", "--detail-type", "x", "--detail", "[1]");
        CliRun.Result broken = cli().run("events", "put", "--source", "com.acme", "--detail-type", "x", "--detail", "{region");

        assertEquals(ExitCode.USAGE, array.status(), array::toString);
        assertTrue(array.err().contains("--detail must be a JSON object"), array::toString);
        assertEquals(ExitCode.USAGE, broken.status(), broken::toString);
        assertTrue(broken.err().contains("--detail must be a JSON object"), broken::toString);
    }

    @Test
    void jobFile_whenFieldMisspelt_isRefusedNamingTheFieldWithoutCallingTheService() throws Exception {
        Path file = work.resolve("typo.json");
        Files.writeString(file, "{\"name\": \"x\", \"definition\": {\"clusterId\": \"cls_1\", \"timeoutSecond\": 60}}");

        CliRun.Result result = cli().run("jobs", "create", "-f", file.toString());
        CliRun.Result missing = cli().run("jobs", "create", "-f", work.resolve("absent.json").toString());

        assertEquals(ExitCode.INVALID, result.status(), result::toString);
        assertTrue(result.err().contains(file + ": field definition.timeoutSecond: "), result::toString);
        assertEquals(ExitCode.INVALID, missing.status(), missing::toString);
        assertTrue(missing.err().contains("no such file: " + work.resolve("absent.json")), missing::toString);
    }

    @Test
    void exitCodes_tellNotFoundConflictValidationUsageAndAuthenticationApart() throws Exception {
        CliRun.Result notFound = cli().run("clusters", "get", "cls_doesnotexist");
        CliRun.Result badCidr = cli().run("networks", "create", "--name", "n", "--account", "cac_x", "--region", "us-east-1",
                "--cidr", "not-a-cidr");
        String team = "dup-" + System.nanoTime();
        cli().run("teams", "create", "--name", team);
        CliRun.Result duplicate = cli().run("teams", "create", "--name", team);
        CliRun.Result missingOption = cli().run("clusters", "create", "--network", "net_x");
        CliRun.Result unknownCommand = cli().run("clustres", "list");
        CliRun.Result badToken = cli().env("LAKESAIL_TOKEN", "lsk_wrong").run("orgs", "list");
        CliRun.Result noCredentials = new CliRun(home, work).run("orgs", "list");

        assertEquals(ExitCode.NOT_FOUND, notFound.status(), notFound::toString);
        assertTrue(notFound.err().startsWith("lakesail: "), notFound::toString);
        assertTrue(notFound.err().contains("ResourceNotFound, HTTP 404, request id "), notFound::toString);
        assertEquals(ExitCode.INVALID, badCidr.status(), badCidr::toString);
        assertTrue(badCidr.err().contains("cidr"), badCidr::toString);
        assertEquals(ExitCode.CONFLICT, duplicate.status(), duplicate::toString);
        assertEquals(ExitCode.USAGE, missingOption.status(), missingOption::toString);
        assertTrue(missingOption.err().contains("--name") && missingOption.err().contains("See 'lakesail clusters create --help'."),
                missingOption::toString);
        assertEquals(ExitCode.USAGE, unknownCommand.status(), unknownCommand::toString);
        assertTrue(unknownCommand.err().contains("Did you mean: lakesail clusters"), unknownCommand::toString);
        assertEquals(ExitCode.UNAUTHENTICATED, badToken.status(), badToken::toString);
        assertEquals(ExitCode.UNAUTHENTICATED, noCredentials.status(), noCredentials::toString);
        assertTrue(noCredentials.err().contains("lakesail configure"), noCredentials::toString);
        for (CliRun.Result r : List.of(notFound, badCidr, duplicate, badToken)) {
            assertEquals("", r.out(), r::toString);
        }
    }

    @Test
    void accessDenied_whenAnalystCreatesTeam_exitsWithItsOwnCode() {
        String email = "ana-" + System.nanoTime() + "@example.com";
        try (LakeSail lakesail = LakeSail.builder().endpoint(owner.endpoint()).token(owner.token())
                .organization(owner.organizationId()).build()) {
            CreatedInvitation invitation = lakesail.invitations().create(r -> r.email(email).roleIds(List.of("analyst")));
            SignupResult analyst = LakeSail.signup(owner.endpoint(), r -> r.email(email).name("Ana").organizationName("ana"));
            CliRun.Result accepted = new CliRun(home, work).env("LAKESAIL_ENDPOINT", owner.endpoint().toString())
                    .env("LAKESAIL_TOKEN", analyst.token().secret()).run("invitations", "accept", invitation.token());
            assertEquals(0, accepted.status(), accepted::toString);

            CliRun.Result refused = cli().env("LAKESAIL_TOKEN", analyst.token().secret()).run("teams", "create", "--name", "nope");

            assertEquals(ExitCode.ACCESS_DENIED, refused.status(), refused::toString);
            assertTrue(refused.err().contains("AccessDenied, HTTP 403"), refused::toString);
        }
    }

    @Test
    void identityAndAccess_commandsWorkInTableAndJson() throws Exception {
        JsonNode me = json(cli().run("me", "--output", "json"));
        assertEquals("admin@lakesail.local", me.get("user").get("email").asText());
        JsonNode team = json(cli().run("teams", "create", "--name", "eng-" + System.nanoTime(), "--output", "json"));
        String memberId = me.get("memberships").get(0).get("memberId").asText();
        JsonNode joined = json(cli().run("teams", "add-member", team.get("id").asText(), memberId, "--output", "json"));
        assertEquals(memberId, joined.get("memberIds").get(0).asText());
        JsonNode binding = json(cli().run("role-bindings", "create", "--role", "developer", "--team", team.get("id").asText(),
                "--output", "json"));
        assertEquals("team", binding.get("subject").get("type").asText());
        CliRun.Result bothSubjects = cli().run("role-bindings", "create", "--role", "developer", "--team", "t", "--member", "m");
        assertEquals(ExitCode.USAGE, bothSubjects.status(), bothSubjects::toString);
        JsonNode whoCan = json(cli().run("who-can", "jobs:create", "--output", "json"));
        assertTrue(whoCan.get("members").size() >= 1);
        CliRun.Result whoCanTable = cli().run("who-can", "jobs:create");
        assertTrue(whoCanTable.out().startsWith("EMAIL") && whoCanTable.out().contains("admin@lakesail.local"), whoCanTable::toString);
        JsonNode audit = json(cli().run("audit", "--limit", "3", "--output", "json"));
        assertEquals(3, audit.size());
        JsonNode roles = json(cli().run("roles", "list", "--output", "json"));
        assertTrue(roles.size() >= 6);
        CliRun.Result orgs = cli().run("orgs", "list");
        assertTrue(orgs.out().startsWith("ID") && orgs.out().contains(owner.organizationId()), orgs::toString);
        JsonNode renamed = json(cli().run("orgs", "update", "--name", "local", "--output", "json"));
        CliRun.Result stale = cli().run("orgs", "update", "--name", "x", "--expected-version", "1");
        assertTrue(renamed.get("version").asLong() > 1);
        assertEquals(ExitCode.CONFLICT, stale.status(), stale::toString);
        JsonNode token = json(cli().run("tokens", "create", "--name", "ci", "--expires-in-days", "1", "--output", "json"));
        assertTrue(token.get("secret").asText().startsWith("lsk_"), token::toString);
        CliRun.Result revoked = cli().run("tokens", "revoke", token.get("token").get("id").asText());
        assertEquals(0, revoked.status(), revoked::toString);
    }
}
