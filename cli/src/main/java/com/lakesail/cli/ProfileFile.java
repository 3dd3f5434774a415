package com.lakesail.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The profiles file, {@code ~/.lakesail/config} (or {@code $LAKESAIL_CONFIG_FILE}): named sections
 * of settings, as the AWS CLI keeps them.
 *
 * <pre>
 * [default]
 * endpoint = http://127.0.0.1:8787
 * token = lsk_...
 * organization = org_...
 *
 * [prod]
 * endpoint = https://abc123.execute-api.eu-west-1.amazonaws.com/prod
 * token = lsk_...
 * output = json
 * </pre>
 *
 * It holds tokens, so it is written owner-only ({@code 0600}, its directory {@code 0700}), atomically.
 */
public final class ProfileFile {
    /** The settings a profile may hold. */
    public static final Set<String> KEYS = Set.of("endpoint", "token", "organization", "output");

    private final Path path;
    private final Map<String, Map<String, String>> profiles;

    private ProfileFile(Path path, Map<String, Map<String, String>> profiles) {
        this.path = path;
        this.profiles = profiles;
    }

    /** Where the file is: {@code $LAKESAIL_CONFIG_FILE}, else {@code ~/.lakesail/config}. */
    public static Path locate(Terminal terminal) {
        String configured = terminal.variable("LAKESAIL_CONFIG_FILE");
        return configured != null ? Path.of(configured) : terminal.home().resolve(".lakesail").resolve("config");
    }

    /** The file's profiles; none when it does not exist. */
    public static ProfileFile read(Path path) {
        Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
        if (!Files.isRegularFile(path)) {
            return new ProfileFile(path, profiles);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw new CliException(ExitCode.INVALID, "cannot read the profiles file " + path + ": " + e.getMessage(), e);
        }
        Map<String, String> current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = profiles.computeIfAbsent(line.substring(1, line.length() - 1).strip(), name -> new LinkedHashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq).strip();
            if (current == null || eq < 0 || !KEYS.contains(key)) {
                throw new CliException(ExitCode.INVALID, path + " line " + (i + 1) + ": expected [profile] or one of "
                        + String.join(", ", KEYS.stream().sorted().toList()) + " = value, found: " + line);
            }
            current.put(key, line.substring(eq + 1).strip());
        }
        return new ProfileFile(path, profiles);
    }

    public Path path() {
        return path;
    }

    public Optional<Map<String, String>> profile(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    public List<String> names() {
        return List.copyOf(profiles.keySet());
    }

    /** Sets {@code settings} in profile {@code name} (a null value removes the key), keeping the other profiles. */
    public ProfileFile with(String name, Map<String, String> settings) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        profiles.forEach((profile, values) -> copy.put(profile, new LinkedHashMap<>(values)));
        Map<String, String> target = copy.computeIfAbsent(name, n -> new LinkedHashMap<>());
        settings.forEach((key, value) -> {
            if (value == null) {
                target.remove(key);
            } else {
                target.put(key, value);
            }
        });
        return new ProfileFile(path, copy);
    }

    /** Writes the file owner-only and atomically: a reader sees the old file or the new one, never part of one. */
    public void write() {
        List<String> lines = new ArrayList<>();
        lines.add("# LakeSail command line profiles, written by `lakesail configure`. It holds tokens: keep it owner-only.");
        profiles.forEach((name, values) -> {
            lines.add("");
            lines.add("[" + name + "]");
            values.forEach((key, value) -> lines.add(key + " = " + value));
        });
        try {
            Path directory = path.toAbsolutePath().getParent();
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
                posix(directory, "rwx------");
            }
            Path tmp = Files.createTempFile(directory, ".config", ".tmp");
            try {
                posix(tmp, "rw-------");
                Files.write(tmp, lines);
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the profiles file " + path, e);
        }
    }

    private static void posix(Path file, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the directory's own protection applies.
        }
    }
}
