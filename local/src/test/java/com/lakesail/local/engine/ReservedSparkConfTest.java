package com.lakesail.local.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.domain.job.JobDefinition;
import com.lakesail.engine.SailSpec;
import org.junit.jupiter.api.Test;

/**
 * The control plane refuses, with a field error, every {@code sparkConf} key the local engine would
 * refuse when starting a Sail: otherwise a job accepted at creation would fail each of its runs.
 */
class ReservedSparkConfTest {
    @Test
    void jobDefinition_forEveryPrefixTheEngineReserves_refusesItsKeys() {
        for (String prefix : SailSpec.reservedPrefixes()) {
            String key = prefix.endsWith(".") ? prefix + "x" : prefix;
            assertTrue(SailSpec.isReserved(key), key);
            assertTrue(JobDefinition.RESERVED_CONF.stream().anyMatch(key::startsWith),
                    "the engine reserves " + prefix + " but a job may set " + key);
        }
    }
}
