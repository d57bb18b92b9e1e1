package org.bitsweep.sim.gpu;

import org.bitsweep.workloads.model.GemmShape;

/**
 * One layer of a trace on a GPU: its {@code count} GEMMs as one batched launch set (the heads of an attention matmul
 * run in one kernel), with the kernel that ran them. Layers that repeat a shape share one result object.
 */
public record GpuLayerResult(String name, GemmShape shape, long count, String kernel, GemmResult result) {
}
