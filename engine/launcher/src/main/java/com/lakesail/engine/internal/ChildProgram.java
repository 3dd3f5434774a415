package com.lakesail.engine.internal;

import com.lakesail.engine.EngineException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * A program the launcher runs in a child JVM, as its module describes it: {@code
 * META-INF/lakesail/child/<name>.properties} (main class, JVM options, the Maven repository it was
 * built with) and {@code <name>.classpath} (its runtime jars as {@code M2_REPO/...} paths), both
 * generated at build time into the module's jar. The module's own jar (or classes directory)
 * comes first on the child's classpath, so the backend needs the module's jar on its classpath,
 * without any of its dependencies.
 *
 * @param classpath the resolved entries, the module's own code first
 */
public record ChildProgram(String name, String mainClass, List<String> jvmOptions, List<Path> classpath) {
    private static final String PREFIX = "META-INF/lakesail/child/";
    private static final String REPO_TOKEN = "M2_REPO/";

    /** @throws EngineException when the module is not on the classpath or its jars are in no repository */
    public static ChildProgram load(String name, ClassLoader loader, Path configuredRepository) {
        URL descriptor = loader.getResource(PREFIX + name + ".properties");
        URL classpathFile = loader.getResource(PREFIX + name + ".classpath");
        if (descriptor == null || classpathFile == null) {
            throw new EngineException("the " + name + " program is not on the classpath: add its module's jar ("
                    + PREFIX + name + ".properties not found)");
        }
        Properties props = new Properties();
        String entries;
        try (Reader in = new java.io.InputStreamReader(descriptor.openStream(), StandardCharsets.UTF_8);
             InputStream cp = classpathFile.openStream()) {
            props.load(in);
            entries = new String(cp.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> relative = entries.isEmpty() ? List.of() : Arrays.stream(entries.split(";")).map(String::trim).toList();
        List<Path> jars = resolve(name, relative, MavenRepository.candidates(configuredRepository, props.getProperty("repository")));
        List<Path> classpath = new ArrayList<>();
        classpath.add(codeSource(descriptor, name));
        classpath.addAll(jars);
        String options = props.getProperty("jvmOptions", "").trim();
        return new ChildProgram(name, props.getProperty("mainClass"),
                options.isEmpty() ? List.of() : List.of(options.split("\\s+")), List.copyOf(classpath));
    }

    private static List<Path> resolve(String name, List<String> relative, List<Path> repositories) {
        String firstMissing = null;
        for (Path repository : repositories) {
            List<Path> jars = new ArrayList<>();
            for (String entry : relative) {
                Path jar = entry.startsWith(REPO_TOKEN) ? repository.resolve(entry.substring(REPO_TOKEN.length())) : Path.of(entry);
                if (!Files.isRegularFile(jar)) {
                    firstMissing = firstMissing == null ? jar.toString() : firstMissing;
                    jars = null;
                    break;
                }
                jars.add(jar);
            }
            if (jars != null) {
                return jars;
            }
        }
        throw new EngineException("the " + name + " program's jars are in none of the Maven repositories " + repositories
                + " (first missing: " + firstMissing + "); build with Maven on this machine (mvn install), or point the"
                + " launcher at the right repository (EngineLauncher.builder().mavenRepository or -Dmaven.repo.local)");
    }

    /** The jar or classes directory that holds {@code resource}. */
    private static Path codeSource(URL resource, String name) {
        try {
            String url = resource.toString();
            if (url.startsWith("jar:")) {
                return Path.of(URI.create(url.substring(4, url.indexOf("!/"))));
            }
            Path file = Path.of(resource.toURI());
            return file.getParent().getParent().getParent().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            throw new EngineException("cannot locate the " + name + " program's code from " + resource, e);
        }
    }
}
