package com.lakesail.backend.domain.infra;

import static com.lakesail.backend.domain.infra.FieldErrors.assertOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.domain.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ManagementNodesTest {

    @Test
    void default_isTheProductDefault() {
        assertEquals(new ManagementNodes("m8g.large", 1, 2, 3, 100), ManagementNodes.DEFAULT);
        assertTrue(FieldErrors.of(v -> ManagementNodes.DEFAULT.validate(v, "managementNodes")).isEmpty());
    }

    @Test
    void merge_whenSomeGiven_keepsTheRest() {
        assertEquals(new ManagementNodes("m8g.large", 1, 4, 6, 100), ManagementNodes.DEFAULT.merge(null, null, 4, 6, null));
        assertEquals(new ManagementNodes("c7g.xlarge", 2, 2, 2, 50), ManagementNodes.DEFAULT.merge("c7g.xlarge", 2, 2, 2, 50));
    }

    @ParameterizedTest
    @ValueSource(strings = {"m8g.large", "c7gn.16xlarge", "r6i.metal", "m7i.metal-24xl", "t4g.nano", "u-6tb1.112xlarge", "g5.xlarge"})
    void validate_whenInstanceTypeWellFormed_passes(String type) {
        assertTrue(FieldErrors.of(v -> ManagementNodes.DEFAULT.merge(type, null, null, null, null).validate(v, "managementNodes")).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "large", "m8g", "M8G.large", "m8g.huge", "m8g.0xlarge", "mg.large", "m8g.large ", "m8g..large"})
    void validate_whenInstanceTypeMalformed_namesInstanceType(String type) {
        assertOnly(FieldErrors.of(v -> ManagementNodes.DEFAULT.merge(type, null, null, null, null).validate(v, "managementNodes")),
                "managementNodes.instanceType");
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 1, true", "1, 2, 3, true", "3, 3, 3, true", "1, 50, 50, true", "0, 0, 0, false", "0, 1, 1, false"})
    void validate_whenCounts_acceptsOnlyOneToFiftyInOrder(int min, int desired, int max, boolean valid) {
        List<FieldError> errors = FieldErrors.of(v -> ManagementNodes.DEFAULT.merge(null, min, desired, max, null).validate(v, "n"));

        assertEquals(valid, errors.isEmpty(), errors::toString);
    }

    @Test
    void validate_whenMinAboveMax_namesMinAndDesired() {
        List<FieldError> errors = FieldErrors.of(v -> ManagementNodes.DEFAULT.merge(null, 4, 3, 2, null).validate(v, "managementNodes"));

        assertTrue(errors.contains(new FieldError("managementNodes.min", "must not exceed max (2)")), errors::toString);
        FieldErrors.assertNames(errors, "managementNodes.desired");
    }

    @ParameterizedTest
    @CsvSource({"1, 0, 3", "2, 1, 3", "1, 4, 3"})
    void validate_whenDesiredOutsideMinMax_namesDesired(int min, int desired, int max) {
        assertOnly(FieldErrors.of(v -> ManagementNodes.DEFAULT.merge(null, min, desired, max, null).validate(v, "managementNodes")),
                "managementNodes.desired");
    }

    @Test
    void validate_whenMaxAboveLimit_namesMax() {
        assertOnly(FieldErrors.of(v -> ManagementNodes.DEFAULT.merge(null, 1, 2, 51, null).validate(v, "managementNodes")),
                "managementNodes.max");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 19, 2049, -100})
    void validate_whenDiskOutOfBounds_namesDisk(int disk) {
        assertOnly(FieldErrors.of(v -> ManagementNodes.DEFAULT.merge(null, null, null, null, disk).validate(v, "managementNodes")),
                "managementNodes.diskGiB");
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 100, 2048})
    void validate_whenDiskInBounds_passes(int disk) {
        assertTrue(FieldErrors.of(v -> ManagementNodes.DEFAULT.merge(null, null, null, null, disk).validate(v, "n")).isEmpty());
    }
}
