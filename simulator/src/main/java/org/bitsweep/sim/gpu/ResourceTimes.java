package org.bitsweep.sim.gpu;

/** Seconds a launch (or a sum of launches) needs of each resource alone; the launch takes the largest. */
public record ResourceTimes(double dramSeconds, double tensorSeconds, double cudaCoreSeconds,
                            double sharedMemorySeconds, double launchSeconds) {
    public static final ResourceTimes ZERO = new ResourceTimes(0, 0, 0, 0, 0);

    public double seconds(GpuResource r) {
        return switch (r) {
            case DRAM -> dramSeconds;
            case TENSOR_CORE -> tensorSeconds;
            case CUDA_CORE -> cudaCoreSeconds;
            case SHARED_MEMORY -> sharedMemorySeconds;
            case LAUNCH -> launchSeconds;
        };
    }

    public ResourceTimes plus(ResourceTimes o) {
        return new ResourceTimes(dramSeconds + o.dramSeconds, tensorSeconds + o.tensorSeconds,
                cudaCoreSeconds + o.cudaCoreSeconds, sharedMemorySeconds + o.sharedMemorySeconds,
                launchSeconds + o.launchSeconds);
    }

    public ResourceTimes times(double n) {
        return new ResourceTimes(dramSeconds * n, tensorSeconds * n, cudaCoreSeconds * n, sharedMemorySeconds * n,
                launchSeconds * n);
    }
}
