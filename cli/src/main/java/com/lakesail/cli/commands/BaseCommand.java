package com.lakesail.cli.commands;

import com.lakesail.cli.Context;
import com.lakesail.cli.ExitCode;
import com.lakesail.cli.Output;
import com.lakesail.cli.Progress;
import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.Paginated;
import com.lakesail.sdk.infrastructure.InfrastructureResource;
import com.lakesail.sdk.infrastructure.ResourceHandle;
import com.lakesail.sdk.waiter.ResourceFailedException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the resource commands share: the invocation's {@link Context}, and run alone (without a
 * subcommand) a command group prints its usage and ends with {@link ExitCode#USAGE}.
 */
abstract class BaseCommand implements Callable<Integer> {
    protected final Context context;

    @Spec
    protected CommandSpec spec;

    protected BaseCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(context.terminal().err());
        return ExitCode.USAGE;
    }

    protected LakeSail lakesail() {
        return context.lakesail();
    }

    protected Output out() {
        return context.output();
    }

    protected static <T> Stream<T> limited(Paginated<T> items, ListOptions list) {
        Stream<T> stream = items.stream();
        return list.limit == null ? stream : stream.limit(list.limit);
    }

    /**
     * Prints the resource a lifecycle call returned; with {@code --wait}, first waits until it is
     * active, showing progress. A resource that fails is printed as last read, and the command fails.
     */
    protected <T extends InfrastructureResource> int activeOrCreated(String label, ResourceHandle<T> handle, WaitOptions wait) {
        if (!wait.wait) {
            out().model(handle.resource());
            return ExitCode.OK;
        }
        Progress progress = context.progress(label);
        try {
            out().model(handle.waitUntilActive(w -> w.timeout(wait.timeout).maxDelay(WaitOptions.MAX_PAUSE).progressListener(progress)));
            return ExitCode.OK;
        } catch (ResourceFailedException e) {
            progress.done();
            out().model(e.resource());
            throw e;
        } finally {
            progress.done();
        }
    }

    /** After a delete: with {@code --wait}, waits until the resource is destroyed (or gone). */
    protected <T extends InfrastructureResource> int destroyed(String label, ResourceHandle<T> handle, WaitOptions wait) {
        if (!wait.wait) {
            out().model(handle.resource());
            return ExitCode.OK;
        }
        Progress progress = context.progress(label);
        try {
            Optional<T> last = handle.waitUntilDestroyed(w -> w.timeout(wait.timeout).maxDelay(WaitOptions.MAX_PAUSE)
                    .progressListener(progress));
            progress.done();
            if (last.isPresent()) {
                out().model(last.get());
            } else {
                out().result(label + " is gone.");
            }
            return ExitCode.OK;
        } catch (ResourceFailedException e) {
            progress.done();
            out().model(e.resource());
            throw e;
        } finally {
            progress.done();
        }
    }

    /** An enum value as the API spells it, e.g. {@code hive_metastore}; a usage error names the choices. */
    protected <E extends Enum<E>> E choice(Class<E> type, String value, String option) {
        for (E constant : type.getEnumConstants()) {
            if (!constant.name().equals("UNKNOWN_TO_SDK_VERSION") && constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), option + " must be one of " + choices(type) + ", not " + value);
    }

    protected static <E extends Enum<E>> String choices(Class<E> type) {
        return String.join(", ", Stream.of(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
                .filter(name -> !name.equals("unknown_to_sdk_version")).toList());
    }
}
