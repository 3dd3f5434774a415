package com.lakesail.sdk.testing;

import com.lakesail.sdk.waiter.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records each pause and moves a {@link FakeClock} forward by it instead of sleeping. */
public final class RecordingSleeper implements Sleeper {
    private final FakeClock clock;
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();

    public RecordingSleeper(FakeClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        pauses.add(duration);
        clock.advance(duration);
    }

    public List<Duration> pauses() {
        return List.copyOf(pauses);
    }
}
