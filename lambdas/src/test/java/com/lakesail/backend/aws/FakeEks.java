package com.lakesail.backend.aws;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.DescribeClusterRequest;
import software.amazon.awssdk.services.eks.model.DescribeClusterResponse;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

final class FakeEks implements EksClient {
    final Map<String, Cluster> clusters = new HashMap<>();
    Region region;
    AwsCredentialsProvider credentials;

    @Override
    public DescribeClusterResponse describeCluster(DescribeClusterRequest request) {
        Cluster cluster = clusters.get(request.name());
        if (cluster == null) {
            throw ResourceNotFoundException.builder().statusCode(404).message("No cluster found for name: " + request.name()).build();
        }
        return DescribeClusterResponse.builder().cluster(cluster).build();
    }

    @Override
    public String serviceName() {
        return "eks";
    }

    @Override
    public void close() {
    }
}
