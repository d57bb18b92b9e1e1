package org.bitsweep.cost.fpga;

/** How a MAC unit adds its products up, as far as its cost is concerned. */
public sealed interface Accumulation {
    /**
     * A two's complement fixed-point register of {@code bits} bits. For minifloat products it is aligned so that its
     * lowest bit is the smallest product's: exact when {@code bits} reaches {@link AccumulatorWidths#minifloatExact}.
     */
    record Fixed(int bits) implements Accumulation {
        public Fixed {
            if (bits < 2 || bits > 1024)
                throw new IllegalArgumentException("accumulator bits must be in [2, 1024], got " + bits);
        }
    }

    /** A floating-point register with E exponent and M mantissa bits, rounded after every addition. */
    record Floating(int exponentBits, int mantissaBits) implements Accumulation {
        public Floating {
            if (exponentBits < 2 || exponentBits > 11 || mantissaBits < 1 || mantissaBits > 52)
                throw new IllegalArgumentException("float accumulator e%dm%d: exponent bits in [2, 11], mantissa bits "
                        .formatted(exponentBits, mantissaBits) + "in [1, 52]");
        }

        public int bits() {
            return 1 + exponentBits + mantissaBits;
        }
    }
}
