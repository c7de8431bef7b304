package dev.sab.harness;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One slice of a matrix, {@code i/n} (1 ≤ i ≤ n): the cells whose index leaves remainder
 * {@code i − 1} when divided by {@code n}. The slices of 1/n … n/n partition the matrix exactly,
 * and dealing cells round-robin spreads every scheduler and workload over the slices, so they take
 * about the same time. Any batch system can run them (a Slurm array, Kubernetes indexed jobs, a CI
 * matrix); {@code sab merge} joins the results.
 *
 * @param index 1-based
 * @param count the number of slices
 */
public record Shard(int index, int count) {
    private static final Pattern FORM = Pattern.compile("(\\d+)/(\\d+)");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("bad value '" + index + "/" + count + "' for --shard: expected i/n with 1 ≤ i ≤ n, such as 1/4");
        }
    }

    /** Reads {@code i/n}. */
    public static Shard parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("bad value '" + text + "' for --shard: expected i/n with 1 ≤ i ≤ n, such as 1/4");
        }
        try {
            return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad value '" + text + "' for --shard: expected i/n with 1 ≤ i ≤ n, such as 1/4");
        }
    }

    /** This slice's cells, in matrix order. */
    public List<Cell> select(List<Cell> cells) {
        return cells.stream().filter(c -> c.index() % count == index - 1).toList();
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
