package com.lakesail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Where the command line takes its settings from, the profiles file it writes, help and completion. */
class CliSettingsTest {
    @TempDir
    Path home;
    @TempDir
    Path work;

    private CliRun cli() {
        return new CliRun(home, work);
    }

    private String source(CliRun.Result list, String name) {
        return list.out().lines().filter(l -> l.startsWith(name + " ")).findFirst().orElseThrow(() -> new AssertionError(list.toString()));
    }

    @Test
    void configure_whenGivenValues_writesAnOwnerOnlyProfileKeepingTheOthers() throws Exception {
        CliRun.Result first = cli().run("configure", "--endpoint", "http://127.0.0.1:9001", "--org", "org_a");
        CliRun.Result second = cli().stdin("lsk_secret\n").run("--profile", "prod", "configure", "--endpoint",
                "https://api.example.com", "--token-stdin", "--output", "json");

        assertEquals(0, first.status(), first::toString);
        assertEquals(0, second.status(), second::toString);
        Path file = home.resolve(".lakesail/config");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        ProfileFile profiles = ProfileFile.read(file);
        assertEquals("http://127.0.0.1:9001", profiles.profile("default").orElseThrow().get("endpoint"));
        assertEquals("lsk_secret", profiles.profile("prod").orElseThrow().get("token"));
        assertEquals("json", profiles.profile("prod").orElseThrow().get("output"));
    }

    @Test
    void settings_takeFlagThenEnvironmentThenProfileThenLocalBackendFile() throws Exception {
        cli().run("configure", "--endpoint", "http://profile:1", "--org", "org_profile", "--output", "json");
        cli().stdin("lsk_profile\n").run("configure", "--token-stdin");
        Files.createDirectories(work.resolve(".lakesail"));
        Files.writeString(work.resolve(".lakesail/local-backend.json"),
                "{\"endpoint\": \"http://127.0.0.1:7\", \"token\": \"lsk_local\", \"organizationId\": \"org_local\"}");

        CliRun.Result fromProfile = cli().run("configure", "list");
        CliRun.Result fromEnvironment = cli().env("LAKESAIL_ENDPOINT", "http://env:2").env("LAKESAIL_ORGANIZATION", "org_env")
                .run("configure", "list");
        CliRun.Result fromFlags = cli().env("LAKESAIL_ENDPOINT", "http://env:2").run("--endpoint", "http://flag:3", "configure",
                "list", "--output", "table");
        Files.delete(home.resolve(".lakesail/config"));
        CliRun.Result fromLocalFile = cli().run("configure", "list");
        CliRun.Result endpointWithoutToken = cli().env("LAKESAIL_ENDPOINT", "http://env:2").run("orgs", "list");

        assertTrue(source(fromProfile, "endpoint").contains("http://profile:1") && source(fromProfile, "endpoint")
                .endsWith("profile default in " + home.resolve(".lakesail/config")), fromProfile::toString);
        assertTrue(source(fromProfile, "token").contains("lsk_prof****"), fromProfile::toString);
        assertFalse(fromProfile.out().contains("lsk_profile"), fromProfile::toString);
        assertTrue(source(fromProfile, "output").contains("json"), fromProfile::toString);
        assertTrue(source(fromEnvironment, "endpoint").endsWith("LAKESAIL_ENDPOINT"), fromEnvironment::toString);
        assertTrue(source(fromEnvironment, "organization").contains("org_env"), fromEnvironment::toString);
        assertTrue(source(fromEnvironment, "token").endsWith("profile default in " + home.resolve(".lakesail/config")));
        assertTrue(source(fromFlags, "endpoint").contains("http://flag:3") && source(fromFlags, "endpoint").endsWith("--endpoint"));
        assertTrue(source(fromFlags, "output").endsWith("--output"), fromFlags::toString);
        assertTrue(source(fromLocalFile, "endpoint").contains("http://127.0.0.1:7"), fromLocalFile::toString);
        assertTrue(source(fromLocalFile, "organization").endsWith("local backend file "
                + work.resolve(".lakesail/local-backend.json")), fromLocalFile::toString);
        // A token is never sent to an endpoint it did not come with from the local file.
        assertEquals(ExitCode.UNAUTHENTICATED, endpointWithoutToken.status(), endpointWithoutToken::toString);
        assertTrue(endpointWithoutToken.err().contains("no token configured"), endpointWithoutToken::toString);
    }

    @Test
    void profile_whenNamedButMissing_isAUsageErrorNamingIt() {
        CliRun.Result result = cli().env("LAKESAIL_PROFILE", "staging").run("orgs", "list");

        assertEquals(ExitCode.USAGE, result.status(), result::toString);
        assertTrue(result.err().contains("no profile \"staging\""), result::toString);
    }

    @Test
    void localBackend_whenItsFileNamesADeadEndpoint_theErrorNamesItAndTheLikelyCause() throws Exception {
        Files.createDirectories(work.resolve(".lakesail"));
        Files.writeString(work.resolve(".lakesail/local-backend.json"),
                "{\"endpoint\": \"http://127.0.0.1:9\", \"token\": \"lsk_local\", \"organizationId\": \"org_local\"}");

        CliRun.Result result = cli().run("clusters", "list");

        assertEquals(ExitCode.FAILED, result.status(), result::toString);
        assertTrue(result.err().contains("cannot reach http://127.0.0.1:9"), result::toString);
        assertTrue(result.err().contains("is probably not running: start it with `lakesail local up`"), result::toString);
    }

    @Test
    void help_whenAskedOfEveryCommand_printsUsageAndSucceeds() {
        List<List<String>> paths = new ArrayList<>();
        collect(LakeSailCli.commandLine(new Context(new CliRun(home, work).terminalForTree()), null), new ArrayList<>(), paths);

        assertTrue(paths.size() > 80, "commands: " + paths.size());
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun.Result result = cli().run(args.toArray(String[]::new));
            assertEquals(0, result.status(), () -> path + "\n" + result);
            assertTrue(result.out().startsWith("Usage: lakesail"), () -> path + "\n" + result);
        }
        CliRun.Result group = cli().run("clusters");
        assertEquals(ExitCode.USAGE, group.status(), group::toString);
        assertTrue(group.err().contains("Commands:"), group::toString);
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            List<String> deeper = new ArrayList<>(path);
            deeper.add(name);
            collect(sub, deeper, paths);
        });
    }

    @Test
    void completion_printsABashScriptCoveringTheCommands() {
        CliRun.Result result = cli().run("completion", "bash");

        assertEquals(0, result.status(), result::toString);
        assertTrue(result.out().contains("complete -F _complete_lakesail"), result::toString);
        assertTrue(result.out().contains("role-bindings") && result.out().contains("attach-role"));
    }

    @Test
    void version_printsTheBuildsVersion() {
        CliRun.Result result = cli().run("--version");

        assertEquals(0, result.status(), result::toString);
        assertTrue(result.out().startsWith("lakesail 0."), result::toString);
    }
}
