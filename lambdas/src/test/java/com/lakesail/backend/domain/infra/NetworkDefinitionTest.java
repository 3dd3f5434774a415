package com.lakesail.backend.domain.infra;

import static com.lakesail.backend.domain.infra.FieldErrors.assertNames;
import static com.lakesail.backend.domain.infra.FieldErrors.assertOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.domain.FieldError;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkDefinitionTest {
    private static final List<String> ZONES = List.of("eu-west-1a", "eu-west-1b");

    @Test
    void validate_whenValid_carvesSubnets() {
        NetworkDefinition d = NetworkDefinition.validate("prod", "cac_1", "eu-west-1", "10.20.0.0/16", ZONES);

        assertEquals("10.20.0.0/16", d.cidr().toString());
        assertEquals(SubnetLayout.carve(d.cidr(), ZONES), d.subnets());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/16", "10.255.255.0/24", "172.16.0.0/16", "172.31.128.0/20", "192.168.0.0/16", "192.168.7.0/24"})
    void validate_whenPrivateCanonicalSixteenToTwentyFour_passes(String cidr) {
        assertEquals(cidr, NetworkDefinition.validate("n", "cac_1", "eu-west-1", cidr, ZONES).cidr().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.0.0/16", "172.32.0.0/16", "100.64.0.0/16", "192.169.0.0/16", "11.0.0.0/16"})
    void validate_whenPublicCidr_namesCidr(String cidr) {
        List<FieldError> errors = FieldErrors.of(() -> NetworkDefinition.validate("n", "cac_1", "eu-west-1", cidr, ZONES));

        assertEquals(List.of(new FieldError("cidr",
                "must be private address space (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16)")), errors);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/8", "10.0.0.0/15", "10.0.0.0/25", "10.0.0.0/28", "10.0.0.0/32"})
    void validate_whenPrefixOutOfRange_namesCidr(String cidr) {
        assertOnly(FieldErrors.of(() -> NetworkDefinition.validate("n", "cac_1", "eu-west-1", cidr, ZONES)), "cidr");
    }

    @Test
    void validate_whenHostBitsSet_suggestsNetworkAddress() {
        List<FieldError> errors = FieldErrors.of(() -> NetworkDefinition.validate("n", "cac_1", "eu-west-1", "10.0.3.0/16", ZONES));

        assertEquals(List.of(new FieldError("cidr", "must be a network address: did you mean 10.0.0.0/16?")), errors);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0.0", "10.0.0.0/16/1", "300.0.0.0/16", "fd00::/8"})
    void validate_whenMalformedCidr_namesCidr(String cidr) {
        assertOnly(FieldErrors.of(() -> NetworkDefinition.validate("n", "cac_1", "eu-west-1", cidr, ZONES)), "cidr");
    }

    @Test
    void validate_whenEverythingWrong_namesEveryField() {
        List<FieldError> errors = FieldErrors.of(() -> NetworkDefinition.validate(" ", null, "nowhere-1", null, null));

        assertNames(errors, "name");
        assertNames(errors, "cloudAccountId");
        assertNames(errors, "region");
        assertNames(errors, "cidr");
    }

    @Test
    void validate_whenZonesLeftOutWithoutAValidRegion_namesOnlyTheRegion() {
        assertOnly(FieldErrors.of(() -> NetworkDefinition.validate("n", "cac_1", null, "10.0.0.0/16", null)), "region");
        assertOnly(FieldErrors.of(() -> NetworkDefinition.validate("n", "cac_1", "nowhere-1", "10.0.0.0/16", null)), "region");
    }

    @Test
    void validate_whenZonesLeftOutOfAValidRegion_namesThem() {
        assertOnly(FieldErrors.of(() -> NetworkDefinition.validate("n", "cac_1", "eu-west-1", "10.0.0.0/16", null)),
                "availabilityZones");
    }

    @Test
    void firstOverlap_whenAnotherBlockOverlaps_returnsIt() {
        Ipv4Cidr mine = Ipv4Cidr.parse("10.1.0.0/16");
        List<Ipv4Cidr> others = List.of(Ipv4Cidr.parse("10.0.0.0/16"), Ipv4Cidr.parse("10.1.128.0/24"),
                Ipv4Cidr.parse("10.0.0.0/8"));

        assertEquals(Optional.of(Ipv4Cidr.parse("10.1.128.0/24")), NetworkDefinition.firstOverlap(mine, others));
        assertTrue(NetworkDefinition.firstOverlap(mine, others.subList(0, 1)).isEmpty());
    }
}
