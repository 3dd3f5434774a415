package com.lakesail.backend.domain.infra;

import com.lakesail.backend.domain.Validator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Field rules for AWS identifiers: account ids, role ARNs, regions, availability zones. */
public final class AwsRules {

    /**
     * Regions where EKS, CloudFormation and Graviton instances are all offered. A typo'd region
     * fails here, at create time, and not twenty minutes later in a stack.
     */
    public static final Set<String> REGIONS = Set.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "sa-east-1",
            "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-central-2", "eu-north-1",
            "eu-south-1", "eu-south-2", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2",
            "ap-southeast-3", "ap-southeast-4", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "me-central-1", "me-south-1", "il-central-1", "af-south-1");

    /** The control plane may assume only roles named so (template.yaml grants sts:AssumeRole on them). */
    public static final String ROLE_NAME_PREFIX = "lakesail-";

    private static final Pattern ACCOUNT_ID = Pattern.compile("^[0-9]{12}$");
    /** IAM role ARN: partition, account, optional path, name of IAM's allowed characters. */
    private static final Pattern ROLE_ARN = Pattern.compile(
            "^arn:(aws|aws-cn|aws-us-gov):iam::([0-9]{12}):role/((?:[\\w+=,.@-]+/)*)([\\w+=,.@-]{1,64})$");
    private static final Pattern ZONE_SUFFIX = Pattern.compile("^[a-z]$");

    private AwsRules() {
    }

    public static boolean isAccountId(String value) {
        return value != null && ACCOUNT_ID.matcher(value).matches();
    }

    public static void accountId(Validator v, String field, String value) {
        if (value == null) {
            v.require(false, field, "is required");
        } else {
            v.require(isAccountId(value), field, "must be a 12-digit AWS account id");
        }
    }

    /**
     * A role ARN that lives in {@code awsAccountId} and is named {@code lakesail-*}. The account check
     * is repeated against STS at verification; this one catches a pasted ARN from the wrong account
     * before anything is assumed.
     */
    public static void roleArn(Validator v, String field, String value, String awsAccountId) {
        if (value == null) {
            v.require(false, field, "is required");
            return;
        }
        Matcher m = ROLE_ARN.matcher(value);
        if (!m.matches()) {
            v.require(false, field, "must be an IAM role ARN such as arn:aws:iam::123456789012:role/lakesail-access");
            return;
        }
        v.require(m.group(2).equals(awsAccountId), field, "must be a role in account " + awsAccountId
                + ", not " + m.group(2));
        v.require(m.group(4).startsWith(ROLE_NAME_PREFIX), field, "must name a role whose name starts with "
                + ROLE_NAME_PREFIX);
        v.require(m.group(3).length() <= 512, field, "must have a path of at most 512 characters");
    }

    /** The account id inside a role ARN that {@link #roleArn} accepted. */
    public static String accountOf(String roleArn) {
        Matcher m = ROLE_ARN.matcher(roleArn);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a role ARN: " + roleArn);
        }
        return m.group(2);
    }

    public static void region(Validator v, String field, String value) {
        if (value == null) {
            v.require(false, field, "is required");
        } else {
            v.require(REGIONS.contains(value), field, "must be a supported AWS region such as eu-west-1");
        }
    }

    /**
     * Distinct zones of {@code region} ({@code eu-west-1a}), as many as {@link SubnetLayout} can carve.
     * Callers may leave them out and take the region's first ones, so without a valid region their
     * absence is not reported: the region's own error says what to fix.
     */
    public static void availabilityZones(Validator v, String field, List<String> zones, String region) {
        if (zones == null) {
            v.require(region == null || !REGIONS.contains(region), field, "is required");
            return;
        }
        v.require(zones.size() >= SubnetLayout.MIN_ZONES && zones.size() <= SubnetLayout.MAX_ZONES, field,
                "must list between " + SubnetLayout.MIN_ZONES + " and " + SubnetLayout.MAX_ZONES + " zones");
        v.require(zones.stream().distinct().count() == zones.size(), field, "must not repeat a zone");
        // Without a valid region the zones cannot be judged; the region's own error says why.
        if (region == null || !REGIONS.contains(region)) {
            return;
        }
        for (int i = 0; i < zones.size(); i++) {
            String zone = zones.get(i);
            boolean inRegion = zone != null && zone.length() == region.length() + 1
                    && zone.startsWith(region) && ZONE_SUFFIX.matcher(zone.substring(region.length())).matches();
            v.require(inRegion, field + "[" + i + "]", "must be an availability zone of " + region + " such as "
                    + region + "a");
        }
    }
}
