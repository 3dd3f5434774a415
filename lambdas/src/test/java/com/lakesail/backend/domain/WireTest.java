package com.lakesail.backend.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class WireTest {

    enum RunStatus { CREATING_SAIL, RUNNING }

    @Test
    void name_whenEnumConstant_isLowerSnakeCase() {
        assertEquals("creating_sail", Wire.name(RunStatus.CREATING_SAIL));
    }

    @Test
    void parse_whenWireName_returnsConstant() {
        assertEquals(RunStatus.CREATING_SAIL, Wire.parse(RunStatus.class, "creating_sail"));
    }

    @Test
    void parse_whenUnknownOrJavaCaseOrNull_returnsNull() {
        assertNull(Wire.parse(RunStatus.class, "CREATING_SAIL"));
        assertNull(Wire.parse(RunStatus.class, "creatingSail"));
        assertNull(Wire.parse(RunStatus.class, "stopped"));
        assertNull(Wire.parse(RunStatus.class, null));
    }
}
