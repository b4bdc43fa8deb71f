package org.caseflow.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Random;

/** The machine the figures were measured on, in one line, and how fast it computes at a given moment. */
final class Machine {

    private static final int BLOCK = 1 << 20;

    private Machine() {
    }

    /**
     * A fixed piece of work on one thread (SHA-256 over a buffer, after a warm-up), in MB per second.
     * Shared machines may change speed from hour to hour; taken at several moments of a run, it tells
     * whether two runs met an equally fast processor before their figures are compared.
     */
    static double speed() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] block = new byte[BLOCK];
            new Random(7).nextBytes(block);
            // Two seconds first, so the JIT has compiled the loop: a cold JVM reads some 10 % slower.
            hashFor(digest, block, 2_000_000_000L);
            long began = System.nanoTime();
            long blocks = hashFor(digest, block, 1_000_000_000L);
            return blocks * (BLOCK / 1_048_576.0) / ((System.nanoTime() - began) / 1e9);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("No SHA-256 in this JVM", e);
        }
    }

    private static long hashFor(MessageDigest digest, byte[] block, long nanos) {
        long end = System.nanoTime() + nanos;
        long blocks = 0;
        while (System.nanoTime() < end) {
            digest.update(block);
            blocks++;
        }
        block[0] ^= digest.digest()[0];
        return blocks;
    }

    static String describe() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(kb -> Math.round(Long.parseLong(kb.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0) + " GB")
                .orElse("? GB");
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu.trim() + "), " + memory + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", Java "
                + System.getProperty("java.version");
    }

    private static java.util.Optional<String> firstValue(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(line -> line.startsWith(key)).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
