package com.lakesail.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {
    private static final long ME = ProcessHandle.current().pid();

    @Test
    void plan_whenNoArchiveYet_trainsOnceAndLaterLaunchesMapIt(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "jar");
        ClassDataSharing cds = new ClassDataSharing(dir.resolve("cds"));

        ClassDataSharing.Plan trainer = cds.plan("sail", List.of(jar), List.of("-Xmx1g"), "/jdk", ME);
        assertTrue(trainer.trains());
        assertTrue(trainer.jvmOptions().get(0).startsWith("-XX:ArchiveClassesAtExit="));
        assertFalse(cds.plan("sail", List.of(jar), List.of("-Xmx1g"), "/jdk", ME).trains(), "one trainer at a time");

        Files.writeString(trainer.trainedArchive(), "archive");
        cds.finish(trainer, 0);

        ClassDataSharing.Plan next = cds.plan("sail", List.of(jar), List.of("-Xmx1g"), "/jdk", ME);
        assertEquals(List.of("-XX:SharedArchiveFile=" + trainer.finalArchive(), "-Xshare:auto", "-Xlog:cds*=off"),
                next.jvmOptions());
    }

    @Test
    void finish_whenTrainerFailed_keepsNothingAndTheNextLaunchTrainsAgain(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "jar");
        ClassDataSharing cds = new ClassDataSharing(dir.resolve("cds"));
        ClassDataSharing.Plan trainer = cds.plan("runner", List.of(jar), List.of(), "/jdk", ME);
        Files.writeString(trainer.trainedArchive(), "half");

        cds.finish(trainer, 137);

        assertFalse(Files.exists(trainer.finalArchive()));
        assertFalse(Files.exists(trainer.trainedArchive()));
        assertTrue(cds.plan("runner", List.of(jar), List.of(), "/jdk", ME).trains());
    }

    @Test
    void finish_whenJarsChanged_replacesTheProgramsOlderArchive(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "jar");
        ClassDataSharing cds = new ClassDataSharing(dir.resolve("cds"));
        ClassDataSharing.Plan first = cds.plan("sail", List.of(jar), List.of(), "/jdk", ME);
        Files.writeString(first.trainedArchive(), "v1");
        cds.finish(first, 0);

        Files.writeString(jar, "rebuilt jar");
        ClassDataSharing.Plan second = cds.plan("sail", List.of(jar), List.of(), "/jdk", ME);
        assertTrue(second.trains());
        Files.writeString(second.trainedArchive(), "v2");
        cds.finish(second, 0);

        assertFalse(Files.exists(first.finalArchive()));
        assertEquals("v2", Files.readString(second.finalArchive()));
    }

    @Test
    void plan_whenClasspathHasADirectory_doesNotUseArchives(@TempDir Path dir) {
        ClassDataSharing cds = new ClassDataSharing(dir.resolve("cds"));
        assertEquals(ClassDataSharing.Plan.NONE, cds.plan("sail", List.of(dir), List.of(), "/jdk", ME));
    }
}
