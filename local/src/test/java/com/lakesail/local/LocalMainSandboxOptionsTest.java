package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lakesail.local.sandbox.SandboxTimings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code --sandbox-speed}: the sandbox cloud's operations that many times as fast, for demos and process tests. */
class LocalMainSandboxOptionsTest {

    @Test
    void parse_whenSandboxSpeedGiven_speedsUpTheSandbox() {
        assertEquals(4, LocalMain.Options.parse("--sandbox-speed", "4").sandboxSpeed());
        assertEquals(Duration.ofSeconds(5), SandboxTimings.defaults().faster(4).cluster());
        assertEquals(Duration.ofSeconds(20), SandboxTimings.defaults().faster(1).cluster(), "the default: a 20 s cluster");
    }

    @Test
    void parse_whenSandboxSpeedBad_throwsIllegalArgument() {
        for (String speed : new String[] {"0", "-2", "fast", "1001"}) {
            assertThrows(IllegalArgumentException.class, () -> LocalMain.Options.parse("--sandbox-speed", speed), speed);
        }
        assertThrows(IllegalArgumentException.class, () -> LocalMain.Options.parse("--sandbox-speed"));
    }
}
