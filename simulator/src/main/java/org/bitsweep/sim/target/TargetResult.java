package org.bitsweep.sim.target;

/**
 * What running a trace on a target gives, whatever its kind: the time, and which resource set it. Each kind declares
 * its result columns as {@link MetricColumn}s that read its own result type (a PE array's {@code SimResult}, a GPU's
 * or an FPGA accelerator's run), so one column registry serves every kind.
 */
public interface TargetResult {
    long cycles();

    double seconds();

    /** What set the time, e.g. {@code compute} or {@code memory}: the results' {@code bound} column. */
    String boundId();
}
