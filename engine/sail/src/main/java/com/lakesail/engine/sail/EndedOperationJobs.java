package com.lakesail.engine.sail;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.connect.service.SparkListenerConnectOperationCanceled;
import org.apache.spark.sql.connect.service.SparkListenerConnectOperationFailed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels the Spark jobs of a Spark Connect operation that has been interrupted or has failed, and
 * any job such an operation starts afterwards.
 *
 * <p>Spark Connect cancels an interrupted operation's jobs by its tag once its execution thread
 * stops, but a job the adaptive planner submits for it (a shuffle map stage) around that moment
 * escapes: the operation ends {@code OPERATION_CANCELED} while its tasks run on, hold every core,
 * and the session's next statement waits behind them for good. Seen here in one cancel in a few of
 * {@code SELECT count(*) FROM range(1e11) WHERE sha2(...)}: the job of its map stage started after
 * the operation's end and ran for minutes, and {@code SELECT 2} queued behind it.
 *
 * <p>This listener closes both orders. At the operation's end it cancels by the operation's tag once
 * more, which reaches any job the scheduler already holds. A job whose start it sees after that end
 * is cancelled as it starts. It sees the events in the order Spark posted them, so no job falls
 * between the two.
 */
final class EndedOperationJobs extends SparkListener {
    /** Spark's local property holding a job's tags ({@code SparkContext.SPARK_JOB_TAGS}), comma separated. */
    private static final String JOB_TAGS = "spark.job.tags";
    /** How many ended operations' tags are remembered: a late job follows its operation's end closely. */
    private static final int REMEMBERED = 4096;
    private static final String REASON = "its Spark Connect operation was interrupted or failed";
    private static final Logger LOG = LoggerFactory.getLogger(EndedOperationJobs.class);

    private final SparkContext context;
    /** The tags of operations that ended interrupted or failed, the most recent last. */
    private final Set<String> ended = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    EndedOperationJobs(SparkContext context) {
        this.context = context;
    }

    @Override
    public synchronized void onJobStart(SparkListenerJobStart start) {
        String tags = start.properties() == null ? null : start.properties().getProperty(JOB_TAGS);
        if (tags == null) {
            return;
        }
        for (String tag : tags.split(",")) {
            if (ended.contains(tag)) {
                LOG.warn("cancelling job {}: it started after its Spark Connect operation {} was interrupted or failed",
                        start.jobId(), tag);
                context.cancelJob(start.jobId(), REASON);
                return;
            }
        }
    }

    @Override
    public synchronized void onOtherEvent(SparkListenerEvent event) {
        String tag;
        if (event instanceof SparkListenerConnectOperationCanceled canceled) {
            tag = canceled.jobTag();
        } else if (event instanceof SparkListenerConnectOperationFailed failed) {
            tag = failed.jobTag();
        } else {
            return;
        }
        ended.add(tag);
        // Usually Spark's own cancel by this tag has them already.
        context.cancelJobsWithTag(tag, REASON);
    }
}
