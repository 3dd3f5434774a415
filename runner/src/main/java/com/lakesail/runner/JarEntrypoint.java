package com.lakesail.runner;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Permission;
import java.util.List;

/**
 * Runs a jar's main class in its own class loader, whose parent holds the Spark Connect client,
 * so the job's {@code SparkSession.builder().getOrCreate()} reaches the run's Sail through
 * {@code SPARK_REMOTE}. Main returning is success; an exception, or {@code System.exit} with a
 * non-zero status, is failure (exits are caught with a security manager, which JDK 17 still
 * allows; the runner runs on 17).
 */
final class JarEntrypoint {
    private final Callbacks callbacks;

    JarEntrypoint(Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    Outcome run(RunSpec.Jar jar, long connectMillis) {
        Path file;
        try {
            file = jar.location().startsWith("file:") ? Path.of(URI.create(jar.location())) : Path.of(jar.location());
        } catch (RuntimeException e) {
            return Outcome.failed(callbacks, "INVALID_JAR_LOCATION", "entrypoint.location must be an absolute path or a"
                    + " file: URI the host mapped: " + jar.location(), null);
        }
        if (!file.isAbsolute() || !Files.isRegularFile(file)) {
            return Outcome.failed(callbacks, "JAR_NOT_FOUND", "no jar at " + jar.location(), null);
        }
        long started = System.nanoTime();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {file.toUri().toURL()}, JarEntrypoint.class.getClassLoader())) {
            Method main = mainMethod(loader, jar.mainClass());
            Thread.currentThread().setContextClassLoader(loader);
            System.out.println("lakesail-runner: running " + jar.mainClass() + " from " + file.getFileName());
            Integer exitStatus = invoke(main, jar.arguments());
            if (exitStatus != null && exitStatus != 0) {
                return Outcome.failed(callbacks, "NON_ZERO_EXIT", jar.mainClass() + " exited with status " + exitStatus, null);
            }
        } catch (ReflectiveOperationException e) {
            return Outcome.failed(callbacks, e.getClass().getSimpleName(), "cannot run " + jar.mainClass() + ": "
                    + Outcome.message(e), null);
        } catch (MainFailed e) {
            Throwable cause = e.getCause();
            cause.printStackTrace();
            return Outcome.failed(callbacks, Outcome.errorClass(cause), Outcome.message(cause), null);
        } catch (MalformedURLException e) {
            return Outcome.failed(callbacks, "INVALID_JAR_LOCATION", Outcome.message(e), null);
        } catch (java.io.IOException e) {
            // Closing the job's class loader failed; the job itself finished.
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        var event = callbacks.event("succeeded");
        event.putObject("metrics").putObject("millis").put("connect", connectMillis)
                .put("execute", (System.nanoTime() - started) / 1_000_000);
        return Outcome.succeeded(event);
    }

    private static Method mainMethod(ClassLoader loader, String mainClass) throws ReflectiveOperationException {
        Method main = Class.forName(mainClass, true, loader).getMethod("main", String[].class);
        if (!Modifier.isStatic(main.getModifiers())) {
            throw new NoSuchMethodException(mainClass + ".main(String[]) is not static");
        }
        return main;
    }

    /** Runs main; the status it passed to System.exit, or null when it returned. */
    @SuppressWarnings("removal")
    private static Integer invoke(Method main, List<String> arguments) throws IllegalAccessException {
        SecurityManager previous = System.getSecurityManager();
        ExitTrap trap = new ExitTrap();
        // JDK 17 prints a deprecation notice to System.err on the first call; the job's log is no place for it.
        PrintStream err = System.err;
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        try {
            System.setSecurityManager(trap);
        } finally {
            System.setErr(err);
        }
        try {
            main.invoke(null, (Object) arguments.toArray(String[]::new));
            return null;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ExitTrap.Exit exit) {
                return exit.status;
            }
            throw new MainFailed(e.getCause());
        } finally {
            trap.disarm();
            System.setSecurityManager(previous);
        }
    }

    /** The job's main threw. */
    private static final class MainFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MainFailed(Throwable cause) {
            super(cause);
        }
    }

    /** Turns the job's System.exit into an exception the runner catches; permits everything else. */
    @SuppressWarnings("removal")
    private static final class ExitTrap extends SecurityManager {
        private volatile boolean armed = true;

        static final class Exit extends SecurityException {
            private static final long serialVersionUID = 1L;
            final int status;

            Exit(int status) {
                super("System.exit(" + status + ")");
                this.status = status;
            }
        }

        void disarm() {
            armed = false;
        }

        @Override
        public void checkExit(int status) {
            if (armed) {
                throw new Exit(status);
            }
        }

        @Override
        public void checkPermission(Permission perm) {
            // Everything else is allowed: the trap exists for exits only.
        }

        @Override
        public void checkPermission(Permission perm, Object context) {
        }
    }
}
