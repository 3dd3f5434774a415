package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalMainOptionsTest {

    @Test
    void parse_whenFlagsGiven_overridesDefaults() {
        LocalMain.Options options = LocalMain.Options.parse("--port", "0", "--data-dir", "/tmp/lakesail-x", "--quiet");

        assertEquals(new LocalMain.Options(0, Path.of("/tmp/lakesail-x"), false), options);
    }

    @Test
    void parse_whenPortAtTheBounds_acceptsIt() {
        assertEquals(65535, LocalMain.Options.parse("--port", "65535").port());
        assertEquals(0, LocalMain.Options.parse("--port", "0").port());
    }

    @Test
    void parse_whenArgumentsBad_throwsIllegalArgument() {
        List<String[]> bad = List.of(new String[] {"--port"}, new String[] {"--port", "-1"}, new String[] {"--port", "65536"},
                new String[] {"--port", "http"}, new String[] {"--data-dir"}, new String[] {"--verbose"});
        for (String[] args : bad) {
            assertThrows(IllegalArgumentException.class, () -> LocalMain.Options.parse(args), String.join(" ", args));
        }
    }

    @Test
    void parse_whenNoQuietFlag_logsRequests() {
        assertTrue(LocalMain.Options.parse("--port", "1").requestLog());
    }
}
