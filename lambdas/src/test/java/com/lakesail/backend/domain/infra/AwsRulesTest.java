package com.lakesail.backend.domain.infra;

import static com.lakesail.backend.domain.infra.FieldErrors.assertOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.domain.FieldError;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AwsRulesTest {
    private static final String ACCOUNT = "111122223333";

    @Test
    void accountId_whenTwelveDigits_passes() {
        assertTrue(FieldErrors.of(v -> AwsRules.accountId(v, "awsAccountId", "012345678901")).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345678901", "1234567890123", "12345678901a", " 123456789012", "1234-5678-9012", "١٢٣٤٥٦٧٨٩٠١٢"})
    void accountId_whenNotTwelveDigits_namesField(String value) {
        assertOnly(FieldErrors.of(v -> AwsRules.accountId(v, "awsAccountId", value)), "awsAccountId");
    }

    @Test
    void accountId_whenNull_isRequired() {
        List<FieldError> errors = FieldErrors.of(v -> AwsRules.accountId(v, "awsAccountId", null));
        assertEquals(List.of(new FieldError("awsAccountId", "is required")), errors);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "arn:aws:iam::111122223333:role/lakesail-access",
            "arn:aws:iam::111122223333:role/team/data/lakesail-access",
            "arn:aws-cn:iam::111122223333:role/lakesail-x",
            "arn:aws-us-gov:iam::111122223333:role/lakesail-a+b=c,d.e@f_g"})
    void roleArn_whenRoleInStatedAccount_passes(String arn) {
        assertTrue(FieldErrors.of(v -> AwsRules.roleArn(v, "roleArn", arn, ACCOUNT)).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "lakesail-access",
            "arn:aws:iam::11112222333:role/lakesail-access",
            "arn:aws:iam:eu-west-1:111122223333:role/lakesail-access",
            "arn:aws:iam::111122223333:user/lakesail-access",
            "arn:aws:iam::111122223333:role/",
            "arn:aws:iam::111122223333:role/lakesail access",
            "arn:aws:sts::111122223333:assumed-role/lakesail-access/session",
            "arn:azure:iam::111122223333:role/lakesail-access",
            "arn:aws:iam::111122223333:role//lakesail-access"})
    void roleArn_whenMalformed_namesField(String arn) {
        assertOnly(FieldErrors.of(v -> AwsRules.roleArn(v, "roleArn", arn, ACCOUNT)), "roleArn");
    }

    @Test
    void roleArn_whenNameLongerThan64_namesField() {
        String name = "lakesail-" + "x".repeat(56);
        assertOnly(FieldErrors.of(v -> AwsRules.roleArn(v, "roleArn", "arn:aws:iam::111122223333:role/" + name, ACCOUNT)), "roleArn");
    }

    @Test
    void roleArn_whenInAnotherAccount_saysWhichAccount() {
        List<FieldError> errors = FieldErrors.of(v ->
                AwsRules.roleArn(v, "roleArn", "arn:aws:iam::999988887777:role/lakesail-access", ACCOUNT));

        assertEquals(List.of(new FieldError("roleArn", "must be a role in account 111122223333, not 999988887777")), errors);
    }

    @Test
    void roleArn_whenNotNamedLakesail_namesField() {
        assertOnly(FieldErrors.of(v -> AwsRules.roleArn(v, "roleArn", "arn:aws:iam::111122223333:role/admin", ACCOUNT)), "roleArn");
    }

    @Test
    void accountOf_whenRoleArn_returnsItsAccount() {
        assertEquals("444455556666", AwsRules.accountOf("arn:aws:iam::444455556666:role/a/lakesail-b"));
        assertThrows(IllegalArgumentException.class, () -> AwsRules.accountOf("arn:aws:iam::1:role/x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eu-west-1", "us-east-1", "ap-southeast-2"})
    void region_whenListed_passes(String region) {
        assertTrue(FieldErrors.of(v -> AwsRules.region(v, "region", region)).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "eu-west-9", "EU-WEST-1", "eu-west-1a", "mars-north-1", "global"})
    void region_whenNotListed_namesField(String region) {
        assertOnly(FieldErrors.of(v -> AwsRules.region(v, "region", region)), "region");
    }

    @Test
    void availabilityZones_whenDistinctZonesOfRegion_passes() {
        assertTrue(FieldErrors.of(v -> AwsRules.availabilityZones(v, "availabilityZones",
                List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"), "eu-west-1")).isEmpty());
    }

    @Test
    void availabilityZones_whenZoneOfAnotherRegion_namesItsIndex() {
        List<FieldError> errors = FieldErrors.of(v -> AwsRules.availabilityZones(v, "availabilityZones",
                List.of("eu-west-1a", "us-east-1b"), "eu-west-1"));

        assertOnly(errors, "availabilityZones[1]");
    }

    @Test
    void availabilityZones_whenRepeatedOrTooFewOrTooMany_namesField() {
        assertOnly(FieldErrors.of(v -> AwsRules.availabilityZones(v, "availabilityZones",
                List.of("eu-west-1a", "eu-west-1a"), "eu-west-1")), "availabilityZones");
        assertOnly(FieldErrors.of(v -> AwsRules.availabilityZones(v, "availabilityZones",
                List.of("eu-west-1a"), "eu-west-1")), "availabilityZones");
        assertOnly(FieldErrors.of(v -> AwsRules.availabilityZones(v, "availabilityZones",
                List.of("eu-west-1a", "eu-west-1b", "eu-west-1c", "eu-west-1d", "eu-west-1e"), "eu-west-1")),
                "availabilityZones");
        assertOnly(FieldErrors.of(v -> AwsRules.availabilityZones(v, "availabilityZones", null, "eu-west-1")),
                "availabilityZones");
    }

    @Test
    void availabilityZones_whenRegionInvalid_judgesOnlyTheList() {
        assertEquals(List.of(), FieldErrors.of(v -> AwsRules.availabilityZones(v, "availabilityZones",
                List.of("eu-west-1a", "eu-west-1b"), "nowhere-1")));
        assertOnly(FieldErrors.of(v -> AwsRules.availabilityZones(v, "availabilityZones",
                List.of("eu-west-1a"), null)), "availabilityZones");
    }

    @Test
    void availabilityZones_whenMalformedEntries_namesEachIndex() {
        List<FieldError> errors = FieldErrors.of(v -> AwsRules.availabilityZones(v, "availabilityZones",
                Arrays.asList("eu-west-1", null, "eu-west-1ab"), "eu-west-1"));

        FieldErrors.assertNames(errors, "availabilityZones[0]");
        FieldErrors.assertNames(errors, "availabilityZones[1]");
        FieldErrors.assertNames(errors, "availabilityZones[2]");
    }
}
