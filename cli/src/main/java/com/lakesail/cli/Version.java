package com.lakesail.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** This command line's version, from the build. */
public final class Version implements CommandLine.IVersionProvider {
    private static volatile String version;

    public static String get() {
        if (version == null) {
            Properties properties = new Properties();
            try (InputStream in = Version.class.getResourceAsStream("/lakesail-cli.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            version = properties.getProperty("version", "unknown");
        }
        return version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"lakesail " + get() + " (Java " + Runtime.version() + ")"};
    }
}
