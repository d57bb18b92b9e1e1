package org.bitsweep.sweep.exec;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress bar every executor shows: points of the space done (including those the constraints skip), with rate
 * and time left. A no-op when progress is off.
 */
public final class Progress implements AutoCloseable {
    private final ProgressBar bar;
    private final long points;

    public Progress(boolean show, long points, long start) {
        this.points = points;
        this.bar = show ? new ProgressBarBuilder().setTaskName("sweep").setInitialMax(points)
                .startsFrom(start, java.time.Duration.ZERO).setUnit(" points", 1).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).showSpeed().build() : null;
    }

    /** The points before {@code id} are done. */
    public void doneBefore(long id) {
        if (bar != null)
            bar.stepTo(id);
    }

    public void finished() {
        doneBefore(points);
    }

    @Override
    public void close() {
        if (bar != null)
            bar.close();
    }
}
