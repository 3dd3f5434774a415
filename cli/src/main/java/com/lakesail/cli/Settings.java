package com.lakesail.cli;

import com.lakesail.sdk.internal.LocalBackendFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the command line connects, as whom, in which organization and how it prints, each with
 * where it came from. Each of endpoint, token, organization and output is taken from the first of:
 * <ol>
 *   <li>its flag: {@code --endpoint}, {@code --token}, {@code --org}, {@code --output};</li>
 *   <li>its environment variable: {@code LAKESAIL_ENDPOINT}, {@code LAKESAIL_TOKEN},
 *       {@code LAKESAIL_ORGANIZATION}, {@code LAKESAIL_OUTPUT};</li>
 *   <li>the profile ({@code --profile}, else {@code $LAKESAIL_PROFILE}, else {@code default}) in the
 *       profiles file.</li>
 * </ol>
 * When neither an endpoint nor a token was found so, the local backend's connection file
 * ({@code $LAKESAIL_LOCAL_FILE}, else {@code $LAKESAIL_DATA_DIR/local-backend.json}, else
 * {@code .lakesail/local-backend.json} here) gives all three: a token is never sent to an endpoint
 * it did not come with from that file. A profile named by flag or variable must exist.
 */
public record Settings(Setting endpoint, Setting token, Setting organization, Setting output, String profile,
        LocalBackendFile localBackend) {

    /** A value and where it came from, e.g. {@code LAKESAIL_TOKEN} or {@code profile prod in ~/.lakesail/config}. */
    public record Setting(String value, String source) {
        static final Setting UNSET = new Setting(null, "unset");

        boolean isSet() {
            return value != null;
        }
    }

    /** The flags given on the command line; null where absent. */
    public record Flags(String endpoint, String token, String organization, String output, String profile) {
    }

    public static Settings resolve(Terminal terminal, Flags flags) {
        String profileName = first(flags.profile(), terminal.variable("LAKESAIL_PROFILE"));
        boolean profileNamed = profileName != null;
        profileName = profileNamed ? profileName : "default";
        ProfileFile file = ProfileFile.read(ProfileFile.locate(terminal));
        Optional<Map<String, String>> profile = file.profile(profileName);
        if (profileNamed && profile.isEmpty()) {
            throw new CliException(ExitCode.USAGE, "no profile \"" + profileName + "\" in " + file.path()
                    + ": create it with `lakesail configure --profile " + profileName + "`");
        }
        String profileSource = "profile " + profileName + " in " + file.path();
        Map<String, String> values = profile.orElse(Map.of());
        Setting endpoint = pick(flags.endpoint(), "--endpoint", terminal, "LAKESAIL_ENDPOINT", values.get("endpoint"), profileSource);
        Setting token = pick(flags.token(), "--token", terminal, "LAKESAIL_TOKEN", values.get("token"), profileSource);
        Setting organization = pick(flags.organization(), "--org", terminal, "LAKESAIL_ORGANIZATION",
                values.get("organization"), profileSource);
        Setting output = pick(flags.output(), "--output", terminal, "LAKESAIL_OUTPUT", values.get("output"), profileSource);
        LocalBackendFile local = null;
        if (!endpoint.isSet() && !token.isSet()) {
            Path connectionFile = LocalBackendFile.locate(terminal.environment(), terminal.workingDirectory());
            if (Files.isRegularFile(connectionFile)) {
                local = LocalBackendFile.read(connectionFile);
                String source = "local backend file " + connectionFile;
                endpoint = new Setting(local.endpoint().toString(), source);
                token = new Setting(local.token(), source);
                if (!organization.isSet() && local.organizationId() != null) {
                    organization = new Setting(local.organizationId(), source);
                }
            }
        }
        if (!output.isSet()) {
            output = new Setting("table", "default");
        }
        return new Settings(endpoint, token, organization, output, profileName, local);
    }

    /** The endpoint, or a clear failure naming every place it could have come from. */
    public URI endpointUri() {
        if (!endpoint.isSet() || !token.isSet()) {
            throw new CliException(ExitCode.UNAUTHENTICATED, "no " + (endpoint.isSet() ? "token" : token.isSet() ? "endpoint"
                    : "endpoint and token") + " configured: run `lakesail configure`, set LAKESAIL_ENDPOINT and LAKESAIL_TOKEN, "
                    + "pass --endpoint and --token, or start a local backend here with `lakesail local up`");
        }
        try {
            URI uri = URI.create(endpoint.value());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("not an absolute http or https address");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "endpoint \"" + endpoint.value() + "\" from " + endpoint.source()
                    + " is not an http or https address");
        }
    }

    private static Setting pick(String flag, String flagName, Terminal terminal, String variable, String profileValue,
            String profileSource) {
        if (flag != null && !flag.isBlank()) {
            return new Setting(flag, flagName);
        }
        String fromEnvironment = terminal.variable(variable);
        if (fromEnvironment != null) {
            return new Setting(fromEnvironment, variable);
        }
        if (profileValue != null && !profileValue.isBlank()) {
            return new Setting(profileValue, profileSource);
        }
        return Setting.UNSET;
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
