package com.lakesail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.local.LocalBackend;
import com.lakesail.local.sandbox.SandboxTimings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lakesail queries} and {@code lakesail sessions} end to end against a local backend with its
 * real local engine (a gated Sail and a session server per session): save a query, open a session
 * with --wait, run SQL one-shot and at the (piped) prompt, a temporary view that lives across the
 * prompt's statements, an engine failure's exit status, a token's connection string, a close, and
 * the session's state changes as events.
 * One backend and one session: each session starts two JVMs.
 */
class CliSessionsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TARGET = Path.of(System.getProperty("lakesail.build.dir", "target")).toAbsolutePath();
    private static LocalBackend backend;
    private static LocalBackend.Bootstrap owner;

    @TempDir
    Path home;
    @TempDir
    Path work;

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createDirectories(TARGET.resolve("cli-sessions-" + System.nanoTime()));
        backend = LocalBackend.builder().port(0).dataDirectory(data).sandboxTimings(SandboxTimings.instant()).start();
        owner = backend.bootstrap();
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    private CliRun cli() {
        return new CliRun(home, work).env("LAKESAIL_ENDPOINT", owner.endpoint().toString()).env("LAKESAIL_TOKEN", owner.token())
                .env("LAKESAIL_ORGANIZATION", owner.organizationId());
    }

    private static JsonNode json(CliRun.Result result) throws Exception {
        assertEquals(0, result.status(), result::toString);
        return JSON.readTree(result.out());
    }

    /** An active cluster and an Iceberg catalog, made with the command line as a user would. */
    private String[] clusterAndCatalog() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        JsonNode account = json(cli().run("accounts", "create", "--name", "aws-" + suffix, "--aws-account-id",
                String.format("%012d", System.nanoTime() % 1_000_000_000_000L), "--output", "json"));
        String accountId = account.get("id").asText();
        String roleArn = "arn:aws:iam::" + account.get("awsAccountId").asText() + ":role/lakesail-" + accountId.replace('_', '-');
        json(cli().run("accounts", "attach-role", accountId, "--role-arn", roleArn, "--wait", "--output", "json"));
        String networkId = json(cli().run("networks", "create", "--name", "net-" + suffix, "--account", accountId,
                "--region", "eu-west-1", "--cidr", "10.0.0.0/16", "--wait", "--output", "json")).get("id").asText();
        String clusterId = json(cli().run("clusters", "create", "--name", "sail-" + suffix, "--network", networkId,
                "--wait", "--output", "json")).get("id").asText();
        String catalogId = json(cli().run("catalogs", "create", "--name", "lake", "--kind", "iceberg", "--location",
                "s3://acme-lake/warehouse-" + suffix, "--output", "json")).get("id").asText();
        return new String[] {clusterId, catalogId};
    }

    @Test
    void session_whenOpenedWithWait_runsSavedQueriesOneShotAndPromptStatementsThenCloses() throws Exception {
        String[] infra = clusterAndCatalog();
        String queryId = json(cli().run("queries", "create", "--name", "numbers", "--sql",
                "SELECT id FROM range(:n) ORDER BY id", "-p", "n:bigint=3", "--output", "json")).get("id").asText();

        JsonNode session = json(cli().run("sessions", "open", "--cluster", infra[0], "--catalog", infra[1],
                "--idle-timeout", "15", "--wait", "--output", "json"));
        String sessionId = session.get("id").asText();
        assertTrue(List.of("active", "idle").contains(session.get("status").asText()), session::toString);

        JsonNode one = json(cli().run("sessions", "sql", sessionId, "-e", "SELECT 1 AS one, 'a' AS letter", "--output", "json"));
        assertEquals("[[1,\"a\"]]", one.get("rows").toString());
        JsonNode saved = json(cli().run("sessions", "sql", sessionId, "--query", queryId, "-p", "n=4", "--output", "json"));
        assertEquals("[[0],[1],[2],[3]]", saved.get("rows").toString());

        CliRun.Result prompt = cli().stdin("CREATE OR REPLACE TEMP VIEW answers AS SELECT 42 AS answer;\n"
                + "SELECT answer\n  FROM answers;\nexit\n").run("sessions", "sql", sessionId);
        assertEquals(0, prompt.status(), prompt::toString);
        assertTrue(prompt.out().lines().anyMatch(l -> l.strip().equals("42")), prompt::toString);

        CliRun.Result failed = cli().run("sessions", "sql", sessionId, "-e", "SELECT * FROM no_such_table");
        assertEquals(ExitCode.FAILED, failed.status(), failed::toString);
        assertTrue(failed.err().contains("TABLE_OR_VIEW_NOT_FOUND"), failed::toString);

        JsonNode token = json(cli().run("sessions", "token", sessionId, "--expires-in", "30m", "--output", "json"));
        assertTrue(token.get("connectionString").asText().startsWith("sc://"), token::toString);
        assertTrue(token.get("connectionString").asText().contains(";token="), token::toString);

        CliRun.Result list = cli().run("sessions", "list");
        assertTrue(list.out().contains(sessionId), list::toString);
        JsonNode closing = json(cli().run("sessions", "close", sessionId, "--output", "json"));
        assertTrue(closing.get("closeRequested").asBoolean() || closing.get("status").asText().equals("closed"),
                closing::toString);
        CliRun.Result afterClose = cli().run("sessions", "sql", sessionId, "-e", "SELECT 1");
        assertEquals(ExitCode.CONFLICT, afterClose.status(), afterClose::toString);
        JsonNode events = json(cli().run("events", "list", sessionId, "--output", "json"));
        List<String> states = new ArrayList<>();
        events.forEach(e -> states.add(e.get("detail").get("state").asText()));
        assertEquals("pending", states.get(states.size() - 1), events::toString);
        assertTrue(states.contains("active") && states.contains("idle"), events::toString);
        assertEquals("LakeSail Session State Change", events.get(0).get("detailType").asText(), events::toString);
        assertEquals(sessionId, events.get(0).get("resources").get(0).asText(), events::toString);

        CliRun.Result deleted = cli().run("queries", "delete", queryId);
        assertEquals(0, deleted.status(), deleted::toString);
        assertEquals(ExitCode.NOT_FOUND, cli().run("queries", "get", queryId).status());
    }

    @Test
    void sessionsOpen_whenTheIdleTimeoutIsOutOfRange_isRefusedNamingTheField() {
        CliRun.Result refused = cli().run("sessions", "open", "--cluster", "clu_x", "--idle-timeout", "0");

        assertEquals(ExitCode.INVALID, refused.status(), refused::toString);
        assertTrue(refused.err().contains("idleTimeoutMinutes"), refused::toString);
    }
}
