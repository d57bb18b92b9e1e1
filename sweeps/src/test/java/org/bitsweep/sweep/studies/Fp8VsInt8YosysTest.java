package org.bitsweep.sweep.studies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hand-written units that examples/studies/fp8-vs-int8-yosys.sh counts in transistors (examples/studies/verilog/)
 * compute what int-mac and fp-mac compute, and the count moves with the accumulator as the page says. Runs Yosys in
 * seconds (evaluation without synthesis for the float unit; the full float synthesis takes minutes and stays in the
 * script); skipped where yosys is not on the PATH.
 */
class Fp8VsInt8YosysTest {
    static final Path VERILOG = StudyRun.STUDIES.resolve("verilog");

    /** Whether yosys runs here; asked once, so that each test reports itself skipped where it does not. */
    static final boolean YOSYS = yosysRuns();

    static boolean yosysRuns() {
        try {
            Process p = new ProcessBuilder("yosys", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @BeforeEach
    void needsYosys() {
        Assumptions.assumeTrue(YOSYS, "yosys is not on the PATH (apt-get install yosys)");
    }

    static String yosys(Path dir, String script) throws IOException, InterruptedException {
        Path log = dir.resolve("yosys.log");
        Process p = new ProcessBuilder("yosys", "-p", script).directory(VERILOG.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("yosys finished").isTrue();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /** A minifloat code's value: FE exponent bits, FM mantissa bits; the caller keeps infinities and NaN out. */
    static float minifloat(int code, int fe, int fm) {
        int bias = (1 << (fe - 1)) - 1;
        int e = (code >> fm) & ((1 << fe) - 1);
        int m = code & ((1 << fm) - 1);
        double v = e == 0 ? m * Math.pow(2, 1 - bias - fm) : (1 + m / (double) (1 << fm)) * Math.pow(2, e - bias);
        return (float) ((code >> (fe + fm) & 1) == 1 ? -v : v);
    }

    /**
     * fp_mac into fp32 gives fp-mac's sum, fl32(acc + a·w), bit for bit: the product of two 8-bit minifloats has at
     * most 8 significand bits and an exponent inside fp32's range, so it is exact in fp32 and Java's float addition
     * (round to nearest even) is the one rounding. E.g. E4M3 0x3c (1.5) × 0x40 (2.0) + 0.25 = 3.25 = 0x40500000.
     */
    @ParameterizedTest
    @CsvSource({"4, 3, 1", "5, 2, 0"})
    void theFloatUnitAddsTheExactProductIntoFp32AsFpMacDoes(int fe, int fm, int fn, @TempDir Path dir)
            throws IOException, InterruptedException {
        SplittableRandom random = new SplittableRandom(18);
        List<int[]> cases = new ArrayList<>();
        StringBuilder script = new StringBuilder("read_verilog fp_mac.v; chparam -set FE " + fe + " -set FM " + fm
                + " -set FN " + fn + " -set EE 8 -set EM 23 fp_mac; hierarchy -top fp_mac; proc; flatten; opt_clean;");
        cases.add(new int[] {0x3c, 0x40, Float.floatToRawIntBits(0.25f)});
        while (cases.size() < 300) {
            int a = random.nextInt(256), w = random.nextInt(256);
            int top = (1 << fe) - 1;
            if (((a >> fm) & top) == top || ((w >> fm) & top) == top)
                continue;                                  // keep NaN and infinity codes out of the operands
            float acc = switch (random.nextInt(4)) {
                case 0 -> 0f;
                case 1 -> -minifloat(a, fe, fm) * minifloat(w, fe, fm);    // cancellation to zero
                default -> (float) ((random.nextBoolean() ? -1 : 1) * (1 + random.nextDouble())
                        * Math.pow(2, random.nextInt(-20, 21)));
            };
            cases.add(new int[] {a, w, Float.floatToRawIntBits(acc)});
        }
        for (int[] c : cases)
            script.append(String.format(" eval -set a 8'h%02x -set w 8'h%02x -set acc_in 32'h%08x -show acc_out;",
                    c[0], c[1], c[2]));
        Matcher m = Pattern.compile("Eval result: \\\\acc_out = (?:32'([01]+)|(\\d+))\\.").matcher(yosys(dir, script.toString()));
        int i = 0;
        for (; m.find(); i++) {
            int[] c = cases.get(i);
            float expected = Float.intBitsToFloat(c[2]) + minifloat(c[0], fe, fm) * minifloat(c[1], fe, fm);
            // eval prints a value as a decimal number, or as 32'bits when its top bit is set.
            int got = (int) (m.group(1) != null ? Long.parseLong(m.group(1), 2) : Long.parseLong(m.group(2)));
            assertThat(Integer.toHexString(got)).as("E%dM%d a=%02x w=%02x acc=%08x (%s + %s x %s)", fe, fm, c[0], c[1],
                    c[2], Float.intBitsToFloat(c[2]), minifloat(c[0], fe, fm), minifloat(c[1], fe, fm))
                    .isEqualTo(Integer.toHexString(Float.floatToRawIntBits(expected)));
        }
        assertThat(i).isEqualTo(cases.size());
    }

    static int transistors(Path dir, int acc) throws IOException, InterruptedException {
        String out = yosys(dir, "read_verilog int_mac.v; chparam -set A 8 -set W 8 -set ACC " + acc + " int_mac;"
                + " synth -noabc -noshare -flatten -top int_mac; abc -g AND,NAND,OR,NOR,XOR,XNOR,MUX; opt_clean; stat -tech cmos");
        Matcher m = Pattern.compile("Estimated number of transistors:\\s+(\\d+)\\s*$", Pattern.MULTILINE).matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /**
     * The 8 × 8 multiplier is shared, so narrowing the accumulator from 32 to 16 bits removes 16 bits of adder: at
     * 2 XOR (24) and a few AND/OR gates per full-adder bit, several hundred transistors, and less than half the
     * datapath (the script's table: 7,116 against 3,792 at the time of writing; the cost model's 0.83 is gentler,
     * because Horowitz's adder energy grows slower than its bit count).
     */
    @Test
    void aNarrowerAccumulatorShrinksTheIntegerDatapathButNotBelowTheMultiplier(@TempDir Path dir)
            throws IOException, InterruptedException {
        int wide = transistors(dir, 32);
        int narrow = transistors(dir, 16);
        assertThat(narrow).as("int8 x int8 into 16 bits against 32 bits").isLessThan(wide - 16 * 24);
        assertThat(narrow).isGreaterThan(wide / 3);
    }
}
