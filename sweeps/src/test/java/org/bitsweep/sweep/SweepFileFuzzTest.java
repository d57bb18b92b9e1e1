package org.bitsweep.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bitsweep.sweep.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 seeded mutations of the example sweep files (keys deleted, values of the wrong type, out of range or
 * huge, broken YAML, tabs, NUL bytes, unicode, deep nesting, anchors and aliases, truncation): each one either passes
 * {@code bitsweep run --dry-run} (which reads and checks everything a run checks before its first point) or exits 2
 * with one message naming the file; none prints a stack trace and none takes 10 s. Of those that pass, a seeded few
 * with few points are run for real and must finish too. The counts are printed.
 */
class SweepFileFuzzTest {
    static final long SEED = 17;
    /**
     * 2,500 in the suite, to keep CI within its time; {@code -Dbitsweep.fuzz.mutations=10000} runs the 10,000 of the
     * scale-out issue (same seed, so the first 2,500 are the same files).
     */
    static final int MUTATIONS = Integer.getInteger("bitsweep.fuzz.mutations", 2_500);
    /** Every this-many-th mutation that passes the checks and has few points is also run. */
    static final int RUN_EVERY = 40;
    static final int MAX_POINTS_TO_RUN = 300;
    static final long LIMIT_SECONDS = 10;
    static final List<String> EXAMPLES = List.of("quickstart", "pe-shootout", "fmnist-pes");
    static final Pattern POINTS = Pattern.compile("([0-9,]+) design points");

    /** Values a mutation puts where another value was. */
    static final List<String> VALUES = List.of("-1", "0", "1", "4097", "65536", "99999999999999999999", "1e308",
            "-1e308", "1e-320", "1.5", ".inf", "-.inf", ".nan", "~", "null", "''", "\"\"", "true", "no", "abc",
            "[]", "{}", "[1, 2, 3]", "{a: 1}", "[[[]]]", "0x1F", "0o17", "1_000", "🚀", "int4", "int99", "fp8-e9m9",
            "gemm:0x0x0", "gemm:9999999999x9999999999x9999999999", "64x64", "0x0", "9999x9999", "{range: [1, 1000000], step: 1}",
            "{range: [5, 1], step: 1}", "{log: [0, 10], factor: 2}", "{log: [1, 1e300], count: 1000001}", "group:0",
            "group:7", "channel:5", "student-t:-1", "&anchor 5", "*anchor", "*nowhere", "!!binary aGk=", "|\n  x",
            "\"\\u0000\"", "\u202Eevil", "e\u0301", "ä", "\uFEFF");

    record Outcome(int code, String out, String err) {
    }

    @Test
    void everyMutationRunsOrExitsTwoNamingTheFileWithoutAStackTraceOrAHang(@TempDir Path dir) throws Exception {
        List<String> seeds = new ArrayList<>();
        for (String e : EXAMPLES)
            seeds.add(Files.readString(Path.of("..", "examples", e + ".yaml"), StandardCharsets.UTF_8));
        SplittableRandom random = new SplittableRandom(SEED);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
        int passed = 0;
        int ran = 0;
        int cleanErrors = 0;
        List<String> stackTraces = new ArrayList<>();
        List<String> hangs = new ArrayList<>();
        List<String> unclear = new ArrayList<>();
        long slowestMillis = 0;
        try {
            for (int i = 0; i < MUTATIONS; i++) {
                String text = mutate(seeds.get(random.nextInt(seeds.size())), random);
                Path file = dir.resolve("fuzz-" + i + ".yaml");
                Files.writeString(file, text, StandardCharsets.UTF_8);
                Path out = dir.resolve("out-" + i);
                long start = System.nanoTime();
                Outcome o = within(worker, "run", file.toString(), "--dry-run", "--out", out.toString());
                slowestMillis = Math.max(slowestMillis, (System.nanoTime() - start) / 1_000_000);
                String input = "mutation %d:\n%s".formatted(i, text);
                if (o == null) {
                    hangs.add(input);
                    worker = restart(worker);
                    continue;
                }
                if (o.code() == 0) {
                    passed++;
                    Matcher m = POINTS.matcher(o.out());
                    long points = m.find() ? Long.parseLong(m.group(1).replace(",", "")) : Long.MAX_VALUE;
                    if (passed % RUN_EVERY == 0 && points <= MAX_POINTS_TO_RUN && !text.contains("top1")) {
                        Outcome r = within(worker, "run", file.toString(), "--out", out.toString(), "--quiet",
                                "--threads", "1");
                        if (r == null) {
                            hangs.add("(running) " + input);
                            worker = restart(worker);
                        } else if (r.code() != 0 && r.code() != 2 || isStackTrace(r.err())) {
                            stackTraces.add("(running, exit %d) %s\n%s".formatted(r.code(), r.err(), input));
                        } else {
                            ran++;
                        }
                    }
                } else if (o.code() == 2 && !isStackTrace(o.err())) {
                    cleanErrors++;
                    if (!o.err().startsWith("bitsweep: " + file))
                        unclear.add(o.err() + input);
                } else {
                    stackTraces.add("(exit %d) %s\n%s".formatted(o.code(), o.err(), input));
                }
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.printf("sweep-file fuzzing (seed %d): tried %,d; passed the checks %,d, of which run %,d; clean "
                        + "errors %,d; stack traces %d; hangs %d; errors not naming the file %d; slowest %,d ms%n", SEED,
                MUTATIONS, passed, ran, cleanErrors, stackTraces.size(), hangs.size(), unclear.size(), slowestMillis);
        assertThat(stackTraces).as("stack traces").isEmpty();
        assertThat(hangs).as("runs past %d s", LIMIT_SECONDS).isEmpty();
        assertThat(unclear).as("errors that do not start with the file").isEmpty();
        assertThat(passed + cleanErrors).isEqualTo(MUTATIONS);
        assertThat(ran).isPositive();
    }

    static boolean isStackTrace(String err) {
        return err.contains("\tat ") || err.contains("Exception in thread") || err.contains("Caused by:");
    }

    /** The command line in-process on the worker thread, or null when it took longer than the limit. */
    static Outcome within(ExecutorService worker, String... args) throws Exception {
        Future<Outcome> f = worker.submit(() -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
            return new Outcome(code, out.toString(), err.toString());
        });
        try {
            return f.get(LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return null;
        }
    }

    /** A hung worker is abandoned (a daemon thread) and the rest go on in a new one. */
    static ExecutorService restart(ExecutorService worker) {
        worker.shutdownNow();
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
    }

    /** One to three mutations of a file's text. */
    static String mutate(String text, SplittableRandom random) {
        int n = 1 + random.nextInt(3);
        for (int k = 0; k < n; k++)
            text = mutateOnce(text, random);
        return text;
    }

    static String mutateOnce(String text, SplittableRandom random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = random.nextInt(lines.size());
        String line = lines.get(at);
        switch (random.nextInt(14)) {
            case 0 -> lines.remove(at);                                              // a line, often a key, gone
            case 1 -> deleteBlock(lines, at);                                        // a key and what nests under it
            case 2, 3, 4 -> lines.set(at, replaceValue(line, VALUES.get(random.nextInt(VALUES.size()))));
            case 5 -> lines.set(at, line.replaceFirst("^( +)", "\t"));               // a tab for indentation
            case 6 -> {                                                              // a NUL byte anywhere
                int p = random.nextInt(text.length() + 1);
                return text.substring(0, p) + '\0' + text.substring(p);
            }
            case 7 -> {                                                              // unicode in a key or value
                String[] odd = {"é", "🚀", "\u202E", "\u0301", "中文", "\uFEFF", "\u00A0", "Ω"};
                int p = random.nextInt(line.length() + 1);
                lines.set(at, line.substring(0, p) + odd[random.nextInt(odd.length)] + line.substring(p));
            }
            case 8 -> {                                                              // deep nesting
                int depth = 1 + random.nextInt(200);
                lines.set(at, replaceValue(line, "[".repeat(depth) + "1" + "]".repeat(depth)));
            }
            case 9 -> {                                                              // anchors and aliases
                String value = random.nextBoolean() ? "&a [int4, int8]" : "&a {rows: 8}";
                lines.set(at, replaceValue(line, value));
                int other = random.nextInt(lines.size());
                lines.set(other, replaceValue(lines.get(other), random.nextBoolean() ? "*a" : "[*a, *a, *a]"));
            }
            case 10 -> lines.add(at, line);                                          // a key twice
            case 11 -> {                                                             // broken YAML
                String[] broken = {"[", "{", "]", ": :", "\"unterminated", "- - -", "? x", "key: [1, 2", "%TAG !x"};
                lines.add(at, broken[random.nextInt(broken.length)]);
            }
            case 12 -> {                                                             // cut short
                return text.substring(0, random.nextInt(text.length() + 1));
            }
            default -> {                                                             // a random byte changed
                char[] c = text.toCharArray();
                if (c.length > 0)
                    c[random.nextInt(c.length)] = (char) (0x20 + random.nextInt(0x5f));
                return new String(c);
            }
        }
        return String.join("\n", lines);
    }

    /** A line {@code key: value} with its value replaced; a line without a colon becomes a list item. */
    static String replaceValue(String line, String value) {
        int colon = line.indexOf(':');
        if (colon < 0 || line.stripLeading().startsWith("#"))
            return line.replaceFirst("^(\\s*)(- )?.*$", "$1- " + java.util.regex.Matcher.quoteReplacement(value));
        return line.substring(0, colon + 1) + " " + value;
    }

    static void deleteBlock(List<String> lines, int at) {
        int indent = indent(lines.get(at));
        lines.remove(at);
        while (at < lines.size() && !lines.get(at).isBlank() && indent(lines.get(at)) > indent)
            lines.remove(at);
    }

    static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ')
            i++;
        return i;
    }
}
