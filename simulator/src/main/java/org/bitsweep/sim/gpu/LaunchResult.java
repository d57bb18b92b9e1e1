package org.bitsweep.sim.gpu;

/**
 * One launch timed: the seconds of each resource alone, and the launch's time, the largest of DRAM, tensor, CUDA
 * core and shared memory, plus the fixed cost of the launch.
 *
 * @param bound the resource whose time sets the launch's (the launch itself when all four are shorter)
 */
public record LaunchResult(Launch launch, ResourceTimes times, double seconds, GpuResource bound) {
}
