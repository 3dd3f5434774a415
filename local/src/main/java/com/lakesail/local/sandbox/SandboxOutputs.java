package com.lakesail.local.sandbox;

import com.lakesail.backend.domain.infra.Ipv4Cidr;
import com.lakesail.backend.domain.infra.Subnet;
import com.lakesail.backend.domain.infra.SubnetLayout;
import com.lakesail.backend.domain.infra.SubnetTier;
import com.lakesail.backend.port.InfraStacks;
import com.lakesail.backend.port.StackTemplate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a sandbox stack reports once complete, with ids shaped like AWS's ({@code vpc-0a1b...},
 * {@code subnet-...}, an EKS endpoint). Ids are derived from the stack name, so a replayed
 * operation or a restarted backend reports the same ones. Parameters are checked the way
 * CloudFormation would refuse them, so wiring mistakes show up locally too.
 */
final class SandboxOutputs {
    private static final Map<StackTemplate, List<String>> REQUIRED = Map.of(
            StackTemplate.NETWORK, List.of(InfraStacks.VPC_CIDR, InfraStacks.ZONE_COUNT, InfraStacks.AVAILABILITY_ZONES,
                    InfraStacks.PRIVATE_SUBNET_CIDRS, InfraStacks.PUBLIC_SUBNET_CIDRS),
            StackTemplate.CLUSTER, List.of(InfraStacks.CLUSTER_NAME, InfraStacks.VPC_ID, InfraStacks.SUBNET_IDS,
                    InfraStacks.NODE_INSTANCE_TYPE, InfraStacks.NODE_AMI_TYPE, InfraStacks.NODE_MIN, InfraStacks.NODE_DESIRED,
                    InfraStacks.NODE_MAX, InfraStacks.NODE_DISK_GIB, InfraStacks.ENDPOINT_PUBLIC),
            StackTemplate.CATALOG, List.of(InfraStacks.BUCKET_NAME, InfraStacks.DATABASE_NAME));

    private SandboxOutputs() {
    }

    /** @throws IllegalArgumentException as CloudFormation's ValidationError would */
    static Map<String, String> of(StackTemplate template, String stackName, String awsAccountId, String region,
                                  Map<String, String> parameters) {
        for (String name : REQUIRED.get(template)) {
            if (parameters.get(name) == null) {
                throw new IllegalArgumentException("Parameters: [" + name + "] must have values");
            }
        }
        return switch (template) {
            case NETWORK -> network(stackName, parameters);
            case CLUSTER -> cluster(stackName, awsAccountId, region, parameters);
            case CATALOG -> Map.of(InfraStacks.OUT_WAREHOUSE, "s3://" + parameters.get(InfraStacks.BUCKET_NAME) + "/warehouse/",
                    InfraStacks.OUT_DATABASE, parameters.get(InfraStacks.DATABASE_NAME));
        };
    }

    /** The subnets come from the CIDR by the domain's own {@link SubnetLayout}, and must match what was asked. */
    private static Map<String, String> network(String stackName, Map<String, String> p) {
        Ipv4Cidr cidr = Ipv4Cidr.parse(p.get(InfraStacks.VPC_CIDR));
        List<String> zones = Arrays.asList(p.get(InfraStacks.AVAILABILITY_ZONES).split(","));
        if (Integer.parseInt(p.get(InfraStacks.ZONE_COUNT)) != zones.size()) {
            throw new IllegalArgumentException("ZoneCount does not match AvailabilityZones");
        }
        List<Subnet> subnets = SubnetLayout.carve(cidr, zones);
        Map<String, String> outputs = new HashMap<>();
        outputs.put(InfraStacks.OUT_VPC_ID, "vpc-" + hex(stackName, "vpc", 17));
        for (SubnetTier tier : SubnetTier.values()) {
            List<String> planned = subnets.stream().filter(s -> s.tier() == tier).map(Subnet::cidr).toList();
            String asked = p.get(tier == SubnetTier.PRIVATE ? InfraStacks.PRIVATE_SUBNET_CIDRS : InfraStacks.PUBLIC_SUBNET_CIDRS);
            if (!String.join(",", planned).equals(asked)) {
                throw new IllegalArgumentException(tier + " subnets " + asked + " are not the layout of " + cidr + ": " + planned);
            }
            for (int i = 0; i < planned.size(); i++) {
                outputs.put(InfraStacks.subnetOutput(tier, i + 1), "subnet-" + hex(stackName, planned.get(i), 17));
            }
        }
        return outputs;
    }

    private static Map<String, String> cluster(String stackName, String awsAccountId, String region, Map<String, String> p) {
        int min = Integer.parseInt(p.get(InfraStacks.NODE_MIN));
        int desired = Integer.parseInt(p.get(InfraStacks.NODE_DESIRED));
        int max = Integer.parseInt(p.get(InfraStacks.NODE_MAX));
        if (!(min <= desired && desired <= max)) {
            throw new IllegalArgumentException("ScalingConfig: minSize <= desiredSize <= maxSize is required");
        }
        String name = p.get(InfraStacks.CLUSTER_NAME);
        return Map.of(InfraStacks.OUT_CLUSTER_NAME, name,
                "ClusterArn", "arn:aws:eks:" + region + ":" + awsAccountId + ":cluster/" + name,
                InfraStacks.OUT_ENDPOINT, "https://" + hex(stackName, "endpoint", 32).toUpperCase(Locale.ROOT)
                        + ".gr7." + region + ".eks.amazonaws.com");
    }

    static String stackId(String stackName, String awsAccountId, String region, String token) {
        String h = hex(stackName, token, 32);
        return "arn:aws:cloudformation:" + region + ":" + awsAccountId + ":stack/" + stackName + "/"
                + h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20, 32);
    }

    static String hex(String seed, String salt, int length) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((seed + "/" + salt).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
