package com.lakesail.backend.domain.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class Ipv4CidrPropertiesTest {
    private static final List<String> ZONES = List.of("eu-west-1a", "eu-west-1b", "eu-west-1c", "eu-west-1d");

    @Property
    void parse_whenPrintedBlock_roundTrips(@ForAll int address, @ForAll @IntRange(min = 0, max = 32) int prefix) {
        Ipv4Cidr cidr = new Ipv4Cidr(address, prefix);

        assertEquals(cidr, Ipv4Cidr.parse(cidr.toString()));
    }

    @Property
    void overlaps_whenCompared_agreesWithAddressRanges(@ForAll int a, @ForAll @IntRange(min = 8, max = 32) int p,
                                                      @ForAll int b, @ForAll @IntRange(min = 8, max = 32) int q) {
        Ipv4Cidr x = new Ipv4Cidr(a, p).canonical();
        Ipv4Cidr y = new Ipv4Cidr(b, q).canonical();
        long xFirst = Integer.toUnsignedLong(x.address());
        long yFirst = Integer.toUnsignedLong(y.address());
        boolean expected = xFirst <= yFirst + y.size() - 1 && yFirst <= xFirst + x.size() - 1;

        assertEquals(expected, x.overlaps(y));
        assertEquals(x.overlaps(y), y.overlaps(x));
        if (x.contains(y)) {
            assertTrue(x.overlaps(y));
        }
    }

    @Property
    void carve_whenAnyValidNetwork_givesDisjointSubnetsInsideIt(@ForAll @IntRange(min = 0, max = 0xFFFF) int high,
                                                              @ForAll @IntRange(min = 16, max = 24) int prefix,
                                                              @ForAll @IntRange(min = 2, max = 4) int zones) {
        Ipv4Cidr network = new Ipv4Cidr(0x0A000000 | (high << 8), prefix).canonical();

        List<Subnet> subnets = SubnetLayout.carve(network, ZONES.subList(0, zones));

        assertEquals(2 * zones, subnets.size());
        for (int i = 0; i < subnets.size(); i++) {
            Ipv4Cidr s = Ipv4Cidr.parse(subnets.get(i).cidr());
            assertTrue(network.contains(s));
            assertTrue(s.prefix() <= 28, "AWS subnets are at least /28");
            for (int j = i + 1; j < subnets.size(); j++) {
                assertFalse(s.overlaps(Ipv4Cidr.parse(subnets.get(j).cidr())));
            }
        }
    }
}
