package com.lakesail.backend.domain.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4CidrTest {

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/16", "0.0.0.0/0", "255.255.255.255/32", "192.168.1.0/24", "172.16.0.0/12"})
    void parse_whenWellFormed_roundTrips(String text) {
        assertEquals(text, Ipv4Cidr.parse(text).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0.0", "10.0.0/16", "10.0.0.0/33", "256.0.0.0/8", "10.0.0.01/16", "010.0.0.0/8",
            "10.0.0.0/016", " 10.0.0.0/16", "10.0.0.0/16 ", "10.0.0.0/-1", "a.b.c.d/8", "10.0.0.0.0/8", "::/0"})
    void parse_whenMalformed_throwsIllegalArgument(String text) {
        assertThrows(IllegalArgumentException.class, () -> Ipv4Cidr.parse(text));
    }

    @Test
    void parse_whenNull_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> Ipv4Cidr.parse(null));
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.0/16, true", "10.0.1.0/16, false", "10.0.1.0/24, true", "10.0.1.1/32, true", "10.0.0.128/24, false"})
    void isCanonical_whenHostBitsSetOrNot_tellsThem(String text, boolean canonical) {
        assertEquals(canonical, Ipv4Cidr.parse(text).isCanonical());
    }

    @Test
    void canonical_whenHostBitsSet_clearsThem() {
        assertEquals("10.0.0.0/16", Ipv4Cidr.parse("10.0.200.7/16").canonical().toString());
    }

    @ParameterizedTest
    @CsvSource({
            "10.0.0.0/16, 10.0.255.0/24, true",
            "10.0.0.0/16, 10.1.0.0/16, false",
            "10.0.0.0/8, 10.200.0.0/16, true",
            "192.168.0.0/24, 192.168.1.0/24, false",
            "192.168.0.0/23, 192.168.1.0/24, true",
            "172.31.255.0/24, 172.31.255.128/25, true",
            "0.0.0.0/0, 200.1.2.0/24, true",
            "255.255.255.0/24, 255.255.254.0/24, false"})
    void overlaps_whenBlocksShareOrNotAddresses_isSymmetric(String a, String b, boolean expected) {
        Ipv4Cidr x = Ipv4Cidr.parse(a);
        Ipv4Cidr y = Ipv4Cidr.parse(b);
        assertEquals(expected, x.overlaps(y));
        assertEquals(expected, y.overlaps(x));
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.0/16, true", "10.255.0.0/16, true", "172.16.0.0/16, true", "172.31.0.0/16, true",
            "172.32.0.0/16, false", "172.15.0.0/16, false", "192.168.10.0/24, true", "192.169.0.0/16, false",
            "8.8.8.0/24, false", "172.16.0.0/11, false", "100.64.0.0/16, false"})
    void isPrivate_whenInsideOrOutsideRfc1918_tellsThem(String text, boolean expected) {
        assertEquals(expected, Ipv4Cidr.parse(text).isPrivate());
    }

    @Test
    void split_whenTwoBits_givesFourBlocksInOrder() {
        List<Ipv4Cidr> blocks = Ipv4Cidr.parse("10.0.0.0/16").split(2);

        assertEquals(List.of("10.0.0.0/18", "10.0.64.0/18", "10.0.128.0/18", "10.0.192.0/18"),
                blocks.stream().map(Ipv4Cidr::toString).toList());
    }

    @Test
    void split_whenHighAddresses_staysUnsigned() {
        List<Ipv4Cidr> blocks = Ipv4Cidr.parse("240.0.0.0/4").split(1);

        assertEquals(List.of("240.0.0.0/5", "248.0.0.0/5"), blocks.stream().map(Ipv4Cidr::toString).toList());
        assertTrue(blocks.get(0).overlaps(Ipv4Cidr.parse("247.255.255.255/32")));
        assertFalse(blocks.get(0).overlaps(Ipv4Cidr.parse("248.0.0.0/32")));
    }

    @Test
    void split_whenPastSlash32_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> Ipv4Cidr.parse("10.0.0.0/31").split(2));
    }
}
