package com.lakesail.engine.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a child program's jars are: the local Maven repository that holds them. Candidates, in
 * order: the one the launcher was given, {@code -Dmaven.repo.local}, the one the program was built
 * with, {@code localRepository} in {@code ~/.m2/settings.xml}, and {@code ~/.m2/repository}; the
 * first that holds every jar wins.
 */
public final class MavenRepository {
    private static final Pattern LOCAL_REPOSITORY = Pattern.compile("<localRepository>\\s*([^<]+?)\\s*</localRepository>");

    private MavenRepository() {
    }

    public static List<Path> candidates(Path configured, String builtWith) {
        Set<Path> candidates = new LinkedHashSet<>();
        if (configured != null) {
            candidates.add(configured);
        }
        String property = System.getProperty("maven.repo.local");
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property));
        }
        if (builtWith != null && !builtWith.isBlank()) {
            candidates.add(Path.of(builtWith));
        }
        Path m2 = Path.of(System.getProperty("user.home"), ".m2");
        fromSettings(m2.resolve("settings.xml")).ifPresent(candidates::add);
        candidates.add(m2.resolve("repository"));
        return new ArrayList<>(candidates);
    }

    private static java.util.Optional<Path> fromSettings(Path settings) {
        try {
            Matcher m = LOCAL_REPOSITORY.matcher(Files.readString(settings));
            if (m.find()) {
                String value = m.group(1).replace("${user.home}", System.getProperty("user.home"));
                return java.util.Optional.of(Path.of(value));
            }
        } catch (IOException | RuntimeException e) {
            // No readable settings file: nothing configured there.
        }
        return java.util.Optional.empty();
    }
}
