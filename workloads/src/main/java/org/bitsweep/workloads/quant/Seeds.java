package org.bitsweep.workloads.quant;

import java.util.SplittableRandom;

/**
 * Per-group random streams derived from one seed, so that a group's draws do not depend on which thread or in which
 * order groups are quantized. The mix is MurmurHash3's 64-bit finalizer; seeding SplittableRandom with merely
 * seed + group would give streams that are shifted copies of each other.
 */
final class Seeds {
    private Seeds() {
    }

    static SplittableRandom forGroup(long seed, long group) {
        return new SplittableRandom(mix(seed ^ mix(group + 0x9E3779B97F4A7C15L)));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
