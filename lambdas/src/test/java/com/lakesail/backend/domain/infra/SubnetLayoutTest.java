package com.lakesail.backend.domain.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubnetLayoutTest {
    private static final List<String> ZONES = List.of("eu-west-1a", "eu-west-1b", "eu-west-1c", "eu-west-1d");

    @Test
    void carve_whenTwoZones_givesQuartersPrivateFirst() {
        List<Subnet> subnets = SubnetLayout.carve(Ipv4Cidr.parse("10.0.0.0/16"), ZONES.subList(0, 2));

        assertEquals(List.of(
                new Subnet("eu-west-1a", SubnetTier.PRIVATE, "10.0.0.0/18", null),
                new Subnet("eu-west-1b", SubnetTier.PRIVATE, "10.0.64.0/18", null),
                new Subnet("eu-west-1a", SubnetTier.PUBLIC, "10.0.128.0/18", null),
                new Subnet("eu-west-1b", SubnetTier.PUBLIC, "10.0.192.0/18", null)), subnets);
    }

    @Test
    void carve_whenThreeZones_givesEighthsWithPublicInUpperHalf() {
        List<Subnet> subnets = SubnetLayout.carve(Ipv4Cidr.parse("192.168.0.0/20"), ZONES.subList(0, 3));

        assertEquals(List.of("192.168.0.0/23", "192.168.2.0/23", "192.168.4.0/23",
                "192.168.8.0/23", "192.168.10.0/23", "192.168.12.0/23"), subnets.stream().map(Subnet::cidr).toList());
        assertEquals(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c", "eu-west-1a", "eu-west-1b", "eu-west-1c"),
                subnets.stream().map(Subnet::availabilityZone).toList());
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.0/16, 2, 18", "10.0.0.0/16, 3, 19", "10.0.0.0/16, 4, 19", "10.9.8.0/24, 2, 26",
            "10.9.8.0/24, 4, 27", "172.16.0.0/16, 3, 19"})
    void carve_whenAnySupportedShape_givesDisjointSubnetsInsideTheNetwork(String cidr, int zones, int expectedPrefix) {
        Ipv4Cidr network = Ipv4Cidr.parse(cidr);
        List<Subnet> subnets = SubnetLayout.carve(network, ZONES.subList(0, zones));

        assertEquals(2 * zones, subnets.size());
        for (int i = 0; i < subnets.size(); i++) {
            Ipv4Cidr a = Ipv4Cidr.parse(subnets.get(i).cidr());
            assertEquals(expectedPrefix, a.prefix());
            assertTrue(network.contains(a));
            for (int j = i + 1; j < subnets.size(); j++) {
                assertFalse(a.overlaps(Ipv4Cidr.parse(subnets.get(j).cidr())), subnets.get(i) + " vs " + subnets.get(j));
            }
        }
        assertEquals(zones, subnets.stream().filter(s -> s.tier() == SubnetTier.PUBLIC).count());
    }

    @Test
    void carve_whenOneOrFiveZones_throwsIllegalArgument() {
        Ipv4Cidr network = Ipv4Cidr.parse("10.0.0.0/16");
        assertThrows(IllegalArgumentException.class, () -> SubnetLayout.carve(network, List.of("eu-west-1a")));
        assertThrows(IllegalArgumentException.class, () -> SubnetLayout.carve(network,
                List.of("eu-west-1a", "eu-west-1b", "eu-west-1c", "eu-west-1d", "eu-west-1e")));
    }
}
