package dev.sab.harness;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sab.schedulers.Schedulers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an experiment file: YAML whose keys are the long names of {@code sab run}'s options, a
 * list where the option may be repeated or a matrix dimension may have several values.
 *
 * <pre>
 * name: sleepers
 * description: Memory and latency of many sleeping tasks.
 * schedulers: [platform, virtual]
 * workloads: [sleep]
 * params:
 *   duration: [10ms, 100ms]     # a list is a dimension of the matrix
 * tasks: [1000, 10000]
 * trials: 3
 * warmup: 1
 * rate: 2000/s                  # or concurrency: 64; neither is a burst
 * arrival: poisson
 * spawner: [thread, task]       # who spawns a burst: the driving thread, or a task on the scheduler
 * exclude:                      # pairs left out of the cross product
 *   - {scheduler: platform-pool, workload: echo}
 * </pre>
 *
 * <p>Every mistake is an {@link ExperimentException} whose message names the file, the line and
 * what is valid: an unknown key, a value of the wrong shape, an unknown scheduler, workload or
 * parameter, a bad value.
 *
 * <p>The curated experiments in the repository's {@code experiments/} directory are built into the
 * jar; {@code -f NAME} finds them by name when no file of that name exists.
 */
public final class ExperimentFile {
    /** The curated experiments, by name; {@code default} is what {@code sab run} runs with no arguments. */
    public static final List<String> BUNDLED = List.of("default", "heavy-vs-light", "million-tasks", "shared-counters",
            "spawners", "syscall-handoff");
    private static final String BUNDLED_DIR = "experiments/";

    static final List<String> KEYS = List.of("name", "description", "schedulers", "workloads", "params", "tasks", "trials",
            "warmup", "concurrency", "rate", "arrival", "spawner", "fork", "timeout", "heap", "jvmArgs", "seed", "out", "exclude");

    /** A bad experiment file; the message names the file and, when known, the line. */
    public static final class ExperimentException extends Exception {
        private static final long serialVersionUID = 1L;

        ExperimentException(String message) {
            super(message);
        }
    }

    private ExperimentFile() {
    }

    /** Reads a file, or a bundled experiment when {@code ref} names no file but a bundled experiment. */
    public static Experiment load(String ref) throws ExperimentException {
        Path path = Path.of(ref);
        if (Files.exists(path)) {
            return load(path);
        }
        String name = ref.endsWith(".yaml") ? ref.substring(0, ref.length() - 5) : ref;
        if (BUNDLED.contains(name)) {
            String home = System.getProperty("sab.home"); // set by the launcher: the checkout's copy, edits included
            Path inCheckout = home == null ? null : Path.of(home, "experiments", name + ".yaml");
            return inCheckout != null && Files.isRegularFile(inCheckout) ? load(inCheckout) : bundled(name);
        }
        throw new ExperimentException("cannot read experiment file '" + ref + "': no such file, and no bundled experiment of "
                + "that name (bundled: " + String.join(", ", BUNDLED) + ")");
    }

    /** Reads a file. */
    public static Experiment load(Path file) throws ExperimentException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ExperimentException("cannot read experiment file '" + file + "': no such file");
        } catch (IOException e) {
            throw new ExperimentException("cannot read experiment file '" + file + "': "
                    + (Files.isDirectory(file) ? "it is a directory" : e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage())));
        }
        return parse(file.toString(), text);
    }

    /** A bundled experiment. */
    public static Experiment bundled(String name) throws ExperimentException {
        String resource = BUNDLED_DIR + name + ".yaml";
        try (InputStream in = ExperimentFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ExperimentException("bundled experiment '" + name + "' is missing from this build");
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ExperimentException("cannot read bundled experiment '" + name + "': " + e.getMessage());
        }
    }

    /** Parses {@code text}; {@code where} names it in messages. */
    public static Experiment parse(String where, String text) throws ExperimentException {
        Node root;
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ExperimentException(where + ": empty experiment file; expected keys such as schedulers, workloads, tasks");
            }
            root = read(parser, where);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new ExperimentException(where + (line > 0 ? ":" + line : "") + ": malformed YAML: " + oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ExperimentException(where + ": " + e.getMessage());
        }
        if (!(root instanceof MapNode map)) {
            throw new ExperimentException(where + ":" + root.line() + ": expected keys such as schedulers, workloads, tasks");
        }
        return new Reader(where).experiment(map);
    }

    /** The parser's own words without its quoted excerpts of the file (the line number says where). */
    private static String oneLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        return message.lines()
                .filter(l -> !l.isBlank() && !l.startsWith(" ") && !l.startsWith("\t"))
                .reduce((a, b) -> a + "; " + b)
                .orElse(message.strip());
    }

    // ---- a YAML tree that remembers lines ----

    private sealed interface Node {
        int line();
    }

    private record Scalar(String text, int line) implements Node {
    }

    private record ListNode(List<Node> items, int line) implements Node {
    }

    private record MapNode(Map<String, Node> entries, Map<String, Integer> keyLines, int line) implements Node {
    }

    private static Node read(JsonParser p, String where) throws IOException, ExperimentException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Node> entries = new LinkedHashMap<>();
            Map<String, Integer> lines = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = p.currentTokenLocation().getLineNr();
                if (entries.containsKey(key)) {
                    throw new ExperimentException(where + ":" + keyLine + ": key '" + key + "' given twice (first on line "
                            + lines.get(key) + ")");
                }
                p.nextToken();
                entries.put(key, read(p, where));
                lines.put(key, keyLine);
            }
            return new MapNode(entries, lines, line);
        }
        if (t == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(p, where));
            }
            return new ListNode(items, line);
        }
        return new Scalar(t == JsonToken.VALUE_NULL ? null : p.getText(), line);
    }

    /** Turns the tree into an {@link Experiment}, checking each value where it stands. */
    private static final class Reader {
        private final String where;

        Reader(String where) {
            this.where = where;
        }

        Experiment experiment(MapNode root) throws ExperimentException {
            for (Map.Entry<String, Node> e : root.entries().entrySet()) {
                if (!KEYS.contains(e.getKey())) {
                    throw error(root.keyLines().get(e.getKey()), "unknown key '" + e.getKey() + "'; valid: " + String.join(", ", KEYS));
                }
            }
            Map<String, Node> m = root.entries();
            List<String> schedulers = null;
            if (m.containsKey("schedulers")) {
                schedulers = new ArrayList<>();
                for (Scalar s : scalars(m.get("schedulers"), "schedulers")) {
                    final Scalar value = s;
                    schedulers.addAll(check(value, () -> Matrix.schedulerSpecs(value.text())));
                }
            }
            List<String> workloads = null;
            if (m.containsKey("workloads")) {
                workloads = new ArrayList<>();
                for (Scalar s : scalars(m.get("workloads"), "workloads")) {
                    final Scalar value = s;
                    workloads.addAll(check(value, () -> Matrix.workloads(List.of(value.text()))));
                }
            }
            Map<String, List<String>> params = null;
            if (m.containsKey("params")) {
                if (!(m.get("params") instanceof MapNode pm)) {
                    throw error(m.get("params").line(), "params must map parameter names to values, such as 'duration: 10ms'");
                }
                params = new LinkedHashMap<>();
                List<String> names = workloads != null ? workloads : Matrix.workloads(null);
                for (Map.Entry<String, Node> p : pm.entries().entrySet()) {
                    List<String> values = new ArrayList<>();
                    for (Scalar s : scalars(p.getValue(), "params." + p.getKey())) {
                        values.add(s.text());
                    }
                    String key = p.getKey();
                    check(p.getValue(), () -> {
                        Matrix.checkParam(key, values, names);
                        return null;
                    });
                    params.put(key, values);
                }
            }
            List<Integer> tasks = ints(m.get("tasks"), "tasks", 1);
            Integer trials = single(ints(m.get("trials"), "trials", 1), m.get("trials"), "trials");
            Integer warmup = single(ints(m.get("warmup"), "warmup", 0), m.get("warmup"), "warmup");
            List<Integer> concurrency = ints(m.get("concurrency"), "concurrency", 1);
            List<String> rate = null;
            if (m.containsKey("rate")) {
                rate = new ArrayList<>();
                for (Scalar s : scalars(m.get("rate"), "rate")) {
                    final Scalar value = s;
                    check(value, () -> Arrival.Rates.parse(value.text()));
                    rate.add(value.text().trim());
                }
            }
            String arrival = text(m.get("arrival"), "arrival");
            List<String> spawner = null;
            if (m.containsKey("spawner")) {
                spawner = new ArrayList<>();
                for (Scalar s : scalars(m.get("spawner"), "spawner")) {
                    spawner.add(s.text().trim());
                }
            }
            Boolean fork = null;
            if (m.containsKey("fork")) {
                String f = text(m.get("fork"), "fork").toLowerCase(Locale.ROOT);
                if (!f.equals("true") && !f.equals("false")) {
                    throw error(m.get("fork").line(), "bad value '" + f + "' for fork: expected true or false");
                }
                fork = Boolean.parseBoolean(f);
            }
            String timeout = text(m.get("timeout"), "timeout");
            if (timeout != null) {
                String t = timeout;
                check(m.get("timeout"), () -> Matrix.timeout(t));
            }
            String heap = text(m.get("heap"), "heap");
            if (heap != null) {
                String h = heap;
                check(m.get("heap"), () -> Matrix.heap(h));
            }
            List<String> jvmArgs = null;
            if (m.containsKey("jvmArgs")) {
                jvmArgs = new ArrayList<>();
                for (Scalar s : scalars(m.get("jvmArgs"), "jvmArgs")) {
                    jvmArgs.add(s.text());
                }
            }
            Long seed = null;
            String seedText = text(m.get("seed"), "seed");
            if (seedText != null) {
                try {
                    seed = Long.parseLong(seedText.replace("_", ""));
                } catch (NumberFormatException e) {
                    throw error(m.get("seed").line(), "bad value '" + seedText + "' for seed: expected a whole number");
                }
            }
            List<Experiment.Exclusion> exclude = m.containsKey("exclude") ? exclusions(m.get("exclude")) : null;
            Experiment e = new Experiment(text(m.get("name"), "name"), text(m.get("description"), "description"), schedulers,
                    workloads, params, tasks, trials, warmup, concurrency, rate, arrival, spawner, fork, timeout, heap, jvmArgs,
                    seed, text(m.get("out"), "out"), exclude);
            Node arrivalNode = m.containsKey("spawner") ? m.get("spawner") : m.containsKey("arrival") ? m.get("arrival")
                    : m.containsKey("rate") ? m.get("rate") : m.containsKey("concurrency") ? m.get("concurrency") : root;
            check(arrivalNode, () -> Matrix.arrivals(e));
            check(m.containsKey("exclude") ? m.get("exclude") : root, () -> Matrix.expand(e)); // what only the whole shows
            return e;
        }

        /** {@code exclude: [{scheduler: S, workload: W}, ...]}, each name checked. */
        private List<Experiment.Exclusion> exclusions(Node node) throws ExperimentException {
            List<Node> items = node instanceof ListNode l ? l.items() : List.of(node);
            List<Experiment.Exclusion> out = new ArrayList<>();
            for (Node item : items) {
                if (!(item instanceof MapNode entry) || entry.entries().isEmpty()) {
                    throw error(item.line(), "exclude lists pairs such as {scheduler: platform-pool, workload: echo}");
                }
                for (String key : entry.entries().keySet()) {
                    if (!key.equals("scheduler") && !key.equals("workload")) {
                        throw error(entry.keyLines().get(key), "unknown key '" + key + "' in exclude; valid: scheduler, workload");
                    }
                }
                String scheduler = text(entry.entries().get("scheduler"), "scheduler");
                String workload = text(entry.entries().get("workload"), "workload");
                if (scheduler != null) {
                    String s = scheduler;
                    check(entry.entries().get("scheduler"), () -> s.contains(":") ? Matrix.schedulerSpecs(s)
                            : Schedulers.provider(s));
                }
                if (workload != null) {
                    String w = workload;
                    check(entry.entries().get("workload"), () -> Matrix.workloads(List.of(w)));
                }
                out.add(new Experiment.Exclusion(scheduler, workload));
            }
            return out;
        }

        private List<Scalar> scalars(Node node, String key) throws ExperimentException {
            if (node instanceof Scalar s) {
                if (s.text() == null) {
                    throw error(s.line(), "no value for '" + key + "'");
                }
                return List.of(s);
            }
            if (node instanceof ListNode l) {
                List<Scalar> out = new ArrayList<>();
                for (Node item : l.items()) {
                    if (!(item instanceof Scalar s) || s.text() == null) {
                        throw error(item.line(), "'" + key + "' lists plain values, not nested lists or maps");
                    }
                    out.add(s);
                }
                if (out.isEmpty()) {
                    throw error(l.line(), "'" + key + "' is an empty list");
                }
                return out;
            }
            throw error(node.line(), "'" + key + "' takes a value or a list of values, not a map");
        }

        private String text(Node node, String key) throws ExperimentException {
            if (node == null) {
                return null;
            }
            if (!(node instanceof Scalar s) || s.text() == null) {
                throw error(node.line(), "'" + key + "' takes one plain value");
            }
            return s.text().trim();
        }

        private List<Integer> ints(Node node, String key, int min) throws ExperimentException {
            if (node == null) {
                return null;
            }
            List<Integer> out = new ArrayList<>();
            for (Scalar s : scalars(node, key)) {
                int v;
                try {
                    v = Integer.parseInt(s.text().trim().replace("_", ""));
                } catch (NumberFormatException e) {
                    v = Integer.MIN_VALUE;
                }
                if (v < min) {
                    throw error(s.line(), "bad value '" + s.text() + "' for " + key + ": expected a whole number ≥ " + min);
                }
                out.add(v);
            }
            return out;
        }

        private Integer single(List<Integer> values, Node node, String key) throws ExperimentException {
            if (values == null) {
                return null;
            }
            if (values.size() != 1) {
                throw error(node.line(), "'" + key + "' takes one value, not a list");
            }
            return values.getFirst();
        }

        private interface Check<T> {
            T run();
        }

        private <T> T check(Node node, Check<T> check) throws ExperimentException {
            try {
                return check.run();
            } catch (IllegalArgumentException e) {
                throw error(node.line(), e.getMessage());
            }
        }

        private ExperimentException error(Integer line, String message) {
            return new ExperimentException(where + (line == null || line < 1 ? "" : ":" + line) + ": " + message);
        }
    }
}
