package org.bitsweep.sim.gpu;

import java.util.ArrayList;
import java.util.List;

import org.bitsweep.cost.gpu.CudaCoreClass;
import org.bitsweep.workloads.model.GemmShape;

/**
 * The kernel time model. A launch takes the largest of its resource times, plus its fixed cost:
 * <ul>
 * <li>DRAM: its bytes over the memory bandwidth;</li>
 * <li>tensor cores: waves × one tile's operations over one SM's peak for the MMA the tile uses;</li>
 * <li>CUDA cores: waves × one tile's time on one SM, the longest of each class's lanes over its rate and of all
 *     lanes over the issue rate (four 32-lane schedulers);</li>
 * <li>shared memory: waves × one tile's wavefronts (warp accesses, bank conflicts replayed) at one per clock.</li>
 * </ul>
 * Waves are the tiles over the SMs, rounded up: the tile-level wave quantization. Nothing here is fitted; every
 * count comes from the kernel's structure and every rate from the GPU's data file.
 */
public final class GpuTiming {
    private static final GpuResource[] RESOURCES = GpuResource.values();

    private GpuTiming() {
    }

    public static LaunchResult time(Gpu gpu, Launch l) {
        long waves = l.tiles().waves(gpu.sms());
        double dram = l.dramBytes() / gpu.dramBytesPerSecond();
        double tensor = l.tensorType() == null ? 0 : waves * l.tensorOpsPerTile() / gpu.tensorOpsPerSmPerSecond(l.tensorType());
        CudaWork w = l.cudaPerTile();
        double tile = Math.max(Math.max(w.fp32() / gpu.lanesPerSmPerSecond(CudaCoreClass.FP32),
                        w.fp16x2() / gpu.lanesPerSmPerSecond(CudaCoreClass.FP16X2)),
                Math.max(Math.max(w.int32() / gpu.lanesPerSmPerSecond(CudaCoreClass.INT32),
                                w.conversion() / gpu.lanesPerSmPerSecond(CudaCoreClass.CONVERSION)),
                        w.issueLanes() / gpu.lanesPerSmPerSecond(CudaCoreClass.ISSUE)));
        double cuda = waves * tile;
        // A conflict-free warp-wide access uses all 32 banks once: wavefronts per second = lanes per second / 32.
        double shared = waves * w.sharedWavefronts() * 32 / gpu.lanesPerSmPerSecond(CudaCoreClass.SHARED_MEMORY);
        ResourceTimes t = new ResourceTimes(dram, tensor, cuda, shared, gpu.launchSeconds());
        GpuResource bound = GpuResource.LAUNCH;
        double longest = gpu.launchSeconds();
        for (GpuResource r : RESOURCES) {
            if (r != GpuResource.LAUNCH && t.seconds(r) > longest) {
                longest = t.seconds(r);
                bound = r;
            }
        }
        double work = Math.max(Math.max(dram, tensor), Math.max(cuda, shared));
        return new LaunchResult(l, t, work + gpu.launchSeconds(), bound);
    }

    /** The launches of one configuration, timed and summed. */
    public static GemmResult time(Gpu gpu, String kernel, GemmShape shape, long batch, List<Launch> launches,
                           GemmResult separate) {
        List<LaunchResult> results = new ArrayList<>(launches.size());
        ResourceTimes sum = ResourceTimes.ZERO;
        double seconds = 0;
        double dramBytes = 0;
        double tensorOps = 0;
        double[] boundSeconds = new double[RESOURCES.length];
        for (Launch l : launches) {
            LaunchResult r = time(gpu, l);
            results.add(r);
            sum = sum.plus(r.times());
            seconds += r.seconds();
            boundSeconds[r.bound().ordinal()] += r.seconds();
            dramBytes += l.dramBytes();
            tensorOps += l.tensorOpsPerTile() * l.tiles().tiles();
        }
        GpuResource bound = GpuResource.LAUNCH;
        for (GpuResource r : RESOURCES)
            if (boundSeconds[r.ordinal()] > boundSeconds[bound.ordinal()])
                bound = r;
        return new GemmResult(kernel, gpu.id(), shape, batch, results, sum, seconds, bound, cycles(gpu, seconds),
                energyPj(gpu, seconds), dramBytes, tensorOps, separate);
    }

    public static long cycles(Gpu gpu, double seconds) {
        return (long) Math.ceil(seconds * gpu.clockHz());
    }

    /** Board power × time, in pJ. */
    public static double energyPj(Gpu gpu, double seconds) {
        return gpu.boardPowerW() * seconds * 1e12;
    }
}
