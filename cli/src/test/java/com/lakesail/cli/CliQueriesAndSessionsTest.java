package com.lakesail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lakesail queries} and {@code lakesail sessions} against a stub of the API answering with the
 * JSON the server's views write: the exact requests each command sends, its output and its exit status.
 * Against a local backend with the engine they are driven by {@code CliSessionsEndToEndTest}.
 */
class CliQueriesAndSessionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORG = "/v1/orgs/org_1";
    private static final String QUERY = """
            {"id": "qry_1", "name": "by-day", "description": null, "teamId": null, "sql": "SELECT :day AS day",
             "parameters": [{"name": "day", "type": "date", "default": null}, {"name": "n", "type": "bigint", "default": 10}],
             "createdBy": "usr_1", "createdAt": "2030-01-01T00:00:00Z", "updatedAt": "2030-01-01T00:00:00Z", "version": 4}""";

    @TempDir
    Path home;
    @TempDir
    Path work;
    private StubApi api;

    @BeforeEach
    void start() {
        api = StubApi.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private CliRun cli() {
        return new CliRun(home, work).env("LAKESAIL_ENDPOINT", api.endpoint()).env("LAKESAIL_TOKEN", "lsk_test")
                .env("LAKESAIL_ORGANIZATION", "org_1");
    }

    private static String session(String status) {
        return """
                {"id": "ses_1", "clusterId": "clu_1", "catalogIds": ["cat_1", "cat_2"], "idleTimeoutMinutes": 30,
                 "compute": {"driver": {"cpu": 2, "memoryGiB": 4}, "worker": {"cpu": 2, "memoryGiB": 4}, "maxWorkers": 2},
                 "ownerMemberId": "mem_1", "createdBy": "usr_1", "status": "%s", "statusReason": null, "stage": "%s",
                 "progress": 100, "closeRequested": false, "endpoint": null, "statementsInFlight": 0, "statements": 0,
                 "lastActivityAt": null, "openedAt": null, "endedAt": null, "createdAt": "2030-01-01T00:00:00Z",
                 "updatedAt": "2030-01-01T00:00:00Z", "version": 1}""".formatted(status, status);
    }

    private static String statement(String id, String status, String error, String result) {
        return """
                {"id": "%s", "sessionId": "ses_1", "sql": "SELECT 1", "queryId": null, "queryVersion": null,
                 "parameters": {}, "status": "%s", "statusReason": null, "error": %s, "cancelRequested": false,
                 "result": %s, "createdBy": "usr_1", "createdAt": "2030-01-01T00:00:00Z", "startedAt": null,
                 "endedAt": null, "updatedAt": "2030-01-01T00:00:00Z", "version": 1}""".formatted(id, status, error, result);
    }

    private static String result(long firstRow, String rows, String nextToken) {
        return """
                {"columns": [{"name": "region", "type": "string"}, {"name": "n", "type": "bigint"}], "rowCount": 3,
                 "truncated": false, "firstRow": %d, "rows": %s, "nextToken": %s}"""
                .formatted(firstRow, rows, nextToken == null ? "null" : "\"" + nextToken + "\"");
    }

    private static final String FAILED = statement("stm_9", "failed", "{\"errorClass\": \"TABLE_OR_VIEW_NOT_FOUND\", "
            + "\"message\": \"The table or view `nope` cannot be found.\"}", "null");

    @Test
    void queriesCreate_whenGivenSqlAndTypedParameters_postsThemAndPrintsTheQuery() throws Exception {
        api.on("POST " + ORG + "/queries", 201, QUERY);

        CliRun.Result created = cli().run("queries", "create", "--name", "by-day", "--sql", "SELECT :day AS day",
                "-p", "day:date", "-p", "n:bigint=10", "--output", "json");

        assertEquals(0, created.status(), created::toString);
        assertEquals("{\"name\":\"by-day\",\"sql\":\"SELECT :day AS day\",\"parameters\":[{\"name\":\"day\",\"type\":\"date\"},"
                + "{\"name\":\"n\",\"type\":\"bigint\",\"default\":10}]}", api.bodies().get(0));
        assertEquals("qry_1", JSON.readTree(created.out()).get("id").asText());
    }

    @Test
    void queriesCreate_whenTheSqlComesFromAFile_sendsItsText() throws Exception {
        Files.writeString(work.resolve("q.sql"), "SELECT 1\n");
        api.on("POST " + ORG + "/queries", 201, QUERY);

        CliRun.Result created = cli().run("queries", "create", "--name", "one", "--file", work.resolve("q.sql").toString());

        assertEquals(0, created.status(), created::toString);
        assertEquals("{\"name\":\"one\",\"sql\":\"SELECT 1\\n\",\"parameters\":[]}", api.bodies().get(0));
    }

    @Test
    void queriesCreate_whenTheSqlIsMissingDoubledOrItsFileAbsent_failsWithoutCallingTheService() {
        CliRun.Result none = cli().run("queries", "create", "--name", "x");
        CliRun.Result both = cli().run("queries", "create", "--name", "x", "--sql", "SELECT 1", "--file", "q.sql");
        CliRun.Result badType = cli().run("queries", "create", "--name", "x", "--sql", "SELECT 1", "-p", "n:int");
        CliRun.Result badDefault = cli().run("queries", "create", "--name", "x", "--sql", "SELECT 1", "-p", "n:bigint=ten");
        CliRun.Result missing = cli().run("queries", "create", "--name", "x", "--file", work.resolve("absent.sql").toString());

        assertEquals(ExitCode.USAGE, none.status(), none::toString);
        assertEquals(ExitCode.USAGE, both.status(), both::toString);
        assertEquals(ExitCode.USAGE, badType.status(), badType::toString);
        assertTrue(badType.err().contains("must be one of string, bigint, double, boolean, date, timestamp"), badType::toString);
        assertEquals(ExitCode.USAGE, badDefault.status(), badDefault::toString);
        assertTrue(badDefault.err().contains("--param n default is a bigint, not ten"), badDefault::toString);
        assertEquals(ExitCode.INVALID, missing.status(), missing::toString);
        assertTrue(missing.err().contains("no such file: " + work.resolve("absent.sql")), missing::toString);
        assertEquals(List.of(), api.requests());
    }

    @Test
    void queriesUpdate_whenNoVersionIsGiven_patchesAtTheVersionReadNow() {
        api.on("GET " + ORG + "/queries/qry_1", 200, QUERY);
        api.on("PATCH " + ORG + "/queries/qry_1", 200, QUERY);

        CliRun.Result updated = cli().run("queries", "update", "qry_1", "--sql", "SELECT 2", "--no-params");

        assertEquals(0, updated.status(), updated::toString);
        assertEquals(List.of("GET " + ORG + "/queries/qry_1", "PATCH " + ORG + "/queries/qry_1"), api.requests());
        assertEquals("{\"sql\":\"SELECT 2\",\"parameters\":[],\"version\":4}", api.bodies().get(1));
    }

    @Test
    void queriesListAndDelete_whenCalled_useTheTeamFilterAndPrintAsTable() {
        api.on("GET " + ORG + "/queries", 200, "{\"items\": [" + QUERY + "], \"nextToken\": null}");
        api.on("DELETE " + ORG + "/queries/qry_1", 204, "");

        CliRun.Result list = cli().run("queries", "list", "--team", "team_1");
        CliRun.Result deleted = cli().run("queries", "delete", "qry_1");

        assertEquals(0, list.status(), list::toString);
        assertTrue(list.out().lines().findFirst().orElseThrow().startsWith("ID"), list::toString);
        assertTrue(list.out().contains("qry_1") && list.out().contains("by-day"), list::toString);
        assertEquals("GET " + ORG + "/queries?teamId=team_1", api.requests().get(0));
        assertEquals(0, deleted.status(), deleted::toString);
        assertEquals("Deleted query qry_1.\n", deleted.out());
    }

    @Test
    void sessionsOpen_whenWaited_sendsClusterCatalogsAndTimeoutAndEndsWithTheOpenSession() throws Exception {
        api.on("POST " + ORG + "/sessions", 201, session("pending"));
        api.on("GET " + ORG + "/sessions/ses_1", 200, session("active"));

        CliRun.Result opened = cli().run("sessions", "open", "--cluster", "clu_1", "--catalog", "cat_1", "--catalog", "cat_2",
                "--idle-timeout", "30", "--wait", "--output", "json");

        assertEquals(0, opened.status(), opened::toString);
        assertEquals("{\"clusterId\":\"clu_1\",\"catalogIds\":[\"cat_1\",\"cat_2\"],\"idleTimeoutMinutes\":30}", api.bodies().get(0));
        assertEquals("active", JSON.readTree(opened.out()).get("status").asText());
        assertEquals(List.of("session ses_1: active, 100%"), opened.err().lines().toList(),
                "the stage that repeats the status is said once");
    }

    @Test
    void sessionsOpen_whenTheSessionFails_exitsFailed() {
        api.on("POST " + ORG + "/sessions", 201, session("pending"));
        api.on("GET " + ORG + "/sessions/ses_1", 200, session("failed"));

        CliRun.Result opened = cli().run("sessions", "open", "--cluster", "clu_1", "--wait");

        assertEquals(ExitCode.FAILED, opened.status(), opened::toString);
    }

    @Test
    void sessionsListCloseAndToken_whenCalled_useTheirRoutes() throws Exception {
        api.on("GET " + ORG + "/sessions", 200, "{\"items\": [" + session("idle") + "], \"nextToken\": null}");
        api.on("POST " + ORG + "/sessions/ses_1/close", 202, session("idle"));
        api.on("POST " + ORG + "/sessions/ses_1/tokens", 201, """
                {"id": "stk_1", "sessionId": "ses_1", "expiresAt": "2030-01-01T02:00:00Z", "token": "eyJ.a.b",
                 "connectionString": "sc://127.0.0.1:15002/;token=eyJ.a.b"}""");

        CliRun.Result list = cli().run("sessions", "list", "--member", "mem_1");
        CliRun.Result closed = cli().run("sessions", "close", "ses_1");
        CliRun.Result token = cli().run("sessions", "token", "ses_1", "--expires-in", "2h", "--output", "json");

        assertEquals(0, list.status(), list::toString);
        assertTrue(list.out().contains("ses_1") && list.out().contains("idle"), list::toString);
        assertEquals(0, closed.status(), closed::toString);
        assertEquals(0, token.status(), token::toString);
        assertEquals(List.of("GET " + ORG + "/sessions?memberId=mem_1", "POST " + ORG + "/sessions/ses_1/close",
                "POST " + ORG + "/sessions/ses_1/tokens"), api.requests());
        assertEquals("{\"expiresInMinutes\":120}", api.bodies().get(2));
        assertEquals("sc://127.0.0.1:15002/;token=eyJ.a.b", JSON.readTree(token.out()).get("connectionString").asText());
    }

    @Test
    void sqlExecute_whenTheResultHasPages_printsEveryRowAsATable() {
        api.on("POST " + ORG + "/sessions/ses_1/statements", 201,
                statement("stm_1", "succeeded", "null", result(0, "[[\"eu\", 1], [null, 2]]", "p2")));
        api.on("GET " + ORG + "/statements/stm_1", 200, statement("stm_1", "succeeded", "null", result(2, "[[\"apac\", 30]]", null)));

        CliRun.Result run = cli().run("sessions", "sql", "ses_1", "-e", "SELECT region, n FROM t WHERE n > :min", "-p", "min=0");

        assertEquals(0, run.status(), run::toString);
        assertEquals("{\"sql\":\"SELECT region, n FROM t WHERE n > :min\",\"parameters\":{\"min\":0},\"waitSeconds\":20}",
                api.bodies().get(0));
        assertEquals("GET " + ORG + "/statements/stm_1?nextToken=p2", api.requests().get(1));
        assertEquals(List.of("region  n", "eu      1", "NULL    2", "apac    30"), run.out().lines().toList());
    }

    @Test
    void sqlExecute_whenTheStatementFails_exitsFailedWithTheEnginesErrorClassAndMessage() {
        api.on("POST " + ORG + "/sessions/ses_1/statements", 201, FAILED);

        CliRun.Result run = cli().run("sessions", "sql", "ses_1", "-e", "SELECT * FROM nope");

        assertEquals(ExitCode.FAILED, run.status(), run::toString);
        assertTrue(run.err().contains("TABLE_OR_VIEW_NOT_FOUND: The table or view `nope` cannot be found."), run::toString);
    }

    @Test
    void sqlQuery_whenGivenParameters_typesThemAsTheQueryDeclares() {
        api.on("GET " + ORG + "/queries/qry_1", 200, QUERY);
        api.on("POST " + ORG + "/sessions/ses_1/statements", 201,
                statement("stm_1", "succeeded", "null", result(0, "[]", null)));

        CliRun.Result run = cli().run("sessions", "sql", "ses_1", "--query", "qry_1", "-p", "day=2030-01-01", "-p", "n=5");

        assertEquals(0, run.status(), run::toString);
        assertEquals("{\"queryId\":\"qry_1\",\"parameters\":{\"day\":\"2030-01-01\",\"n\":5},\"waitSeconds\":20}",
                api.bodies().get(1));
    }

    @Test
    void sqlFromStandardInput_runsEachStatementInOrderGoesOnAfterAFailureAndExitsFailed() throws Exception {
        api.on("POST " + ORG + "/sessions/ses_1/statements", 201,
                statement("stm_1", "succeeded", "null", result(0, "[[\"eu\", 1]]", null)));
        api.on("POST " + ORG + "/sessions/ses_1/statements", 201, FAILED);
        api.on("POST " + ORG + "/sessions/ses_1/statements", 201,
                statement("stm_3", "succeeded", "null", result(0, "[[\"us\", 2]]", null)));

        CliRun.Result run = cli().stdin("SELECT 1;\n\nSELECT *\n  FROM nope;\nSELECT 3\n").run("sessions", "sql", "ses_1",
                "--output", "json");

        assertEquals(ExitCode.FAILED, run.status(), run::toString);
        assertEquals(List.of("{\"sql\":\"SELECT 1\",\"waitSeconds\":20}", "{\"sql\":\"SELECT *\\n  FROM nope\",\"waitSeconds\":20}",
                "{\"sql\":\"SELECT 3\",\"waitSeconds\":20}"), api.bodies());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run::toString);
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals("stm_1", first.get("statementId").asText());
        assertEquals("[[\"eu\",1]]", first.get("rows").toString());
        assertEquals("stm_3", JSON.readTree(lines.get(1)).get("statementId").asText());
        assertTrue(run.err().contains("TABLE_OR_VIEW_NOT_FOUND"), run::toString);
    }

    @Test
    void sqlFromStandardInput_whenTheServiceRefusesAStatement_saysWhyAndReadsTheNext() {
        api.on("POST " + ORG + "/sessions/ses_1/statements", 409, "{\"error\": {\"code\": \"conflict\", "
                + "\"message\": \"session ses_1 is closed\", \"requestId\": \"req_1\"}}");

        CliRun.Result run = cli().stdin("SELECT 1;\nSELECT 2;\n").run("sessions", "sql", "ses_1");

        assertEquals(ExitCode.FAILED, run.status(), run::toString);
        assertEquals(2, api.requests().size());
        assertEquals(2, run.err().lines().filter(l -> l.equals("lakesail: session ses_1 is closed")).count(), run::toString);
    }

    @Test
    void sqlFromStandardInput_whenExitIsTyped_stopsReading() {
        api.on("POST " + ORG + "/sessions/ses_1/statements", 201,
                statement("stm_1", "succeeded", "null", result(0, "[]", null)));

        CliRun.Result run = cli().stdin("SELECT 1;\nexit\nSELECT 2;\n").run("sessions", "sql", "ses_1");

        assertEquals(0, run.status(), run::toString);
        assertEquals(1, api.requests().size());
        assertTrue(run.err().contains("(3 rows, "), run::toString);
    }

    @Test
    void sql_whenExecuteAndQueryAreBothGiven_isAUsageError() {
        CliRun.Result run = cli().run("sessions", "sql", "ses_1", "-e", "SELECT 1", "--query", "qry_1");

        assertEquals(ExitCode.USAGE, run.status(), run::toString);
        assertTrue(run.err().contains("--execute and --query exclude each other"), run::toString);
        assertEquals(List.of(), api.requests());
    }

    @Test
    void help_listsTheQueriesSessionsAndEventsCommands() {
        CliRun.Result root = cli().run("--help");
        CliRun.Result sessions = cli().run("sessions", "--help");
        CliRun.Result sql = cli().run("sessions", "sql", "--help");

        assertTrue(root.out().contains("queries") && root.out().contains("sessions") && root.out().contains("events"),
                root::toString);
        for (String command : List.of("open", "list", "get", "close", "token", "sql")) {
            assertTrue(sessions.out().contains("  " + command + " "), command + "\n" + sessions);
        }
        assertTrue(sql.out().contains("--execute=SQL"), sql::toString);
    }
}
