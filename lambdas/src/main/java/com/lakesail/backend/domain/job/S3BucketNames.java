package com.lakesail.backend.domain.job;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules S3 applies to general purpose bucket names, so a trigger on a bucket AWS would refuse
 * is refused here too: 3 to 63 characters of lower-case letters, digits, dots and hyphens,
 * beginning and ending with a letter or digit, no two adjacent dots, not an IP address, and none
 * of the prefixes and suffixes S3 reserves.
 */
public final class S3BucketNames {
    private static final Pattern SHAPE = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
    private static final Pattern IP_ADDRESS = Pattern.compile("^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$");
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "sthree-configurator", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

    private S3BucketNames() {
    }

    /** Why S3 would refuse {@code name}, or null when it is a valid bucket name. */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "is required";
        }
        if (!SHAPE.matcher(name).matches()) {
            return "must be 3 to 63 lower-case letters, digits, dots or hyphens, beginning and ending with a letter or digit";
        }
        if (name.contains("..")) {
            return "must not contain two adjacent dots";
        }
        if (IP_ADDRESS.matcher(name).matches()) {
            return "must not be formatted as an IP address";
        }
        for (String prefix : RESERVED_PREFIXES) {
            if (name.startsWith(prefix)) {
                return "must not begin with " + prefix + " (reserved by S3)";
            }
        }
        for (String suffix : RESERVED_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return "must not end with " + suffix + " (reserved by S3)";
            }
        }
        return null;
    }
}
