package com.lakesail.sdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** {@code lakesail-java-sdk/<version> java/<version>}, then the caller's suffix if any. */
final class UserAgent {
    private static final String BASE = "lakesail-java-sdk/" + sdkVersion() + " java/" + Runtime.version().feature();

    private UserAgent() {
    }

    static String of(String suffix) {
        return suffix == null || suffix.isBlank() ? BASE : BASE + " " + suffix.strip();
    }

    /** Written by the build into {@code sdk.properties}, so it cannot drift from the pom. */
    private static String sdkVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream("sdk.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
