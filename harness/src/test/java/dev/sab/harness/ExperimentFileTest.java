package dev.sab.harness;

import dev.sab.harness.ExperimentFile.ExperimentException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExperimentFileTest {

    /** Names other issues are adding; a curated file may name them before they land. */
    private static final Set<String> PENDING = Set.of("eventloop", "gmp", "heavy-light", "counters", "file", "echo", "http",
            "pingpong", "fanout", "yield", "starve");

    static final List<String> BUNDLED = ExperimentFile.BUNDLED;

    @TempDir
    Path tmp;

    private Experiment parse(String yaml) throws ExperimentException {
        return ExperimentFile.parse("exp.yaml", yaml);
    }

    @Test
    void readsEveryKeyAndItsLists() throws Exception {
        Experiment e = parse("""
                name: sweep
                description: a test
                schedulers: [platform, "platform-pool:threads=2"]
                workloads: sleep
                params:
                  duration: [1ms, 2ms]
                tasks: [10, 20]
                trials: 2
                warmup: 0
                rate: 500/s
                arrival: poisson
                fork: false
                timeout: 30s
                heap: 512m
                jvmArgs: [-XX:+UseSerialGC]
                seed: 7
                out: somewhere
                """);
        assertThat(e.schedulers()).containsExactly("platform", "platform-pool:threads=2");
        assertThat(e.workloads()).containsExactly("sleep");
        assertThat(e.params()).isEqualTo(Map.of("duration", List.of("1ms", "2ms")));
        assertThat(e.tasks()).containsExactly(10, 20);
        assertThat(e.trials()).isEqualTo(2);
        assertThat(e.warmup()).isZero();
        assertThat(e.rate()).containsExactly("500/s");
        assertThat(e.forkOrDefault()).isFalse();
        assertThat(e.jvmArgs()).containsExactly("-XX:+UseSerialGC");
        assertThat(Matrix.expand(e)).hasSize(2 * 2 * 2);
        assertThat(Matrix.arrivals(e)).containsExactly(new Arrival.Open(500, true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "trails: 3|exp.yaml:1: unknown key 'trails'; valid: name, description",
            "schedulers: [platform, nodejs]|exp.yaml:1: unknown scheduler 'nodejs'; valid: platform",
            "workloads: [sleep]\\nparams:\\n  duration: soon|exp.yaml:3: bad value 'soon' for parameter 'duration'",
            "workloads: [sleep]\\nparams:\\n  units: 5|exp.yaml:3: unknown parameter 'units' for workload sleep; valid: duration",
            "tasks: 0|exp.yaml:1: bad value '0' for tasks: expected a whole number ≥ 1",
            "trials: [1, 2]|exp.yaml:1: 'trials' takes one value, not a list",
            "warmup: -1|exp.yaml:1: bad value '-1' for warmup: expected a whole number ≥ 0",
            "concurrency: 4\\nrate: 10/s|exp.yaml:2: concurrency and rate exclude each other",
            "arrival: poisson|exp.yaml:1: arrival poisson needs a rate",
            "spawner: goroutine|exp.yaml:1: bad value 'goroutine' for spawner: expected thread or task",
            "rate: 10/s\\nspawner: task|exp.yaml:2: spawner task needs a burst",
            "rate: fast|exp.yaml:1: bad value 'fast' for rate",
            "fork: maybe|exp.yaml:1: bad value 'maybe' for fork: expected true or false",
            "timeout: 0s|exp.yaml:1: bad value '0s' for timeout",
            "heap: lots|exp.yaml:1: bad value 'lots' for heap",
            "name: a\\nname: b|exp.yaml:2: key 'name' given twice (first on line 1)",
            "schedulers: {a: b}|exp.yaml:1: 'schedulers' takes a value or a list of values, not a map",
            "schedulers: [virtual\\nworkloads: [sleep]|exp.yaml:2: malformed YAML",
            "- just\\n- a list|exp.yaml:1: expected keys such as schedulers, workloads, tasks",
            "exclude: [{scheduler: nodejs}]|exp.yaml:1: unknown scheduler 'nodejs'",
            "exclude: [{workload: sleep, when: never}]|exp.yaml:1: unknown key 'when' in exclude; valid: scheduler, workload",
            "exclude: [platform]|exp.yaml:1: exclude lists pairs such as {scheduler: platform-pool, workload: echo}",
            "schedulers: [virtual]\\nworkloads: [sleep]\\nexclude: [{workload: sleep}]|exp.yaml:3: the exclusions leave no cell to run",
    })
    void mistakesNameTheFileTheLineAndWhatIsValid(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml.replace("\\n", "\n"))).isInstanceOf(ExperimentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void spawnerTaskMakesABurstSpawnedByATask() throws Exception {
        Experiment e = parse("schedulers: [gmp]\nworkloads: [sleep]\nspawner: task\n");
        assertThat(e.spawner()).containsExactly("task");
        assertThat(Matrix.arrivals(e)).containsExactly(new Arrival.Burst(true));
        Experiment both = parse("schedulers: [gmp]\nworkloads: [sleep]\nspawner: [thread, task]\n");
        assertThat(Matrix.arrivals(both)).containsExactly(new Arrival.Burst(false), new Arrival.Burst(true));
    }

    @Test
    void exclusionsLeavePairsOutOfTheCrossProduct() throws Exception {
        Experiment e = parse("""
                schedulers: [platform, "platform-pool:threads=1", virtual]
                workloads: [sleep, cpu]
                exclude:
                  - {scheduler: platform-pool, workload: sleep}
                  - {scheduler: virtual, workload: cpu}
                """);
        assertThat(Matrix.expand(e)).extracting(c -> c.scheduler() + " " + c.workload())
                .containsExactly("platform sleep", "platform cpu", "platform-pool:threads=1 cpu", "virtual sleep");
        assertThat(Matrix.expand(e)).extracting(Cell::index).containsExactly(0, 1, 2, 3);
    }

    @Test
    void unreadableFilesAreNamed() throws Exception {
        assertThatThrownBy(() -> ExperimentFile.load(tmp.resolve("nope.yaml").toString()))
                .hasMessageContaining("cannot read experiment file").hasMessageContaining("nope.yaml")
                .hasMessageContaining("bundled: default");
        assertThatThrownBy(() -> ExperimentFile.load(tmp)).hasMessageContaining("it is a directory");
        Path empty = Files.writeString(tmp.resolve("empty.yaml"), "");
        assertThatThrownBy(() -> ExperimentFile.load(empty)).hasMessageContaining("empty.yaml: empty experiment file");
    }

    @Test
    void theDefaultExperimentIsBundledAndComparesEverySchedulerAndWorkloadOfThisBuild() throws Exception {
        Experiment e = ExperimentFile.bundled("default");
        List<Cell> cells = Matrix.expand(e);
        Set<String> schedulers = Set.copyOf(cells.stream().map(c -> c.scheduler().split(":")[0]).toList());
        Set<String> workloads = Set.copyOf(cells.stream().map(Cell::workload).toList());
        Set<String> builtIn = Set.of("platform", "platform-pool", "virtual", "eventloop", "gmp");
        for (var s : dev.sab.schedulers.Schedulers.available()) {
            if (builtIn.contains(s.name())) {
                assertThat(schedulers).as("the default experiment runs scheduler %s", s.name()).contains(s.name());
            }
        }
        for (var w : dev.sab.workloads.Workloads.available()) {
            if (!w.name().equals("hold")) { // a test-only workload
                assertThat(workloads).as("the default experiment runs workload %s", w.name()).contains(w.name());
            }
        }
    }

    @ParameterizedTest
    @FieldSource("BUNDLED")
    void everyCuratedExperimentIsValid(String name) throws Exception {
        Path file = Path.of("..", "experiments", name + ".yaml");
        assertThat(file).as("experiments/%s.yaml is in the repository", name).isRegularFile();
        assertThat(Files.readString(file)).as("the jar carries the same file").isEqualTo(
                new String(ExperimentFile.class.getResourceAsStream("experiments/" + name + ".yaml").readAllBytes()));
        try {
            Experiment e = ExperimentFile.load(file);
            assertThat(e.name()).isEqualTo(name);
            assertThat(e.description()).isNotBlank();
            assertThat(Matrix.expand(e)).isNotEmpty();
        } catch (ExperimentException e) {
            String missing = PENDING.stream().filter(p -> e.getMessage().contains("unknown workload '" + p + "'")
                    || e.getMessage().contains("unknown scheduler '" + p + "'")).findFirst().orElse(null);
            if (missing == null) {
                throw e;
            }
            Assumptions.abort("experiments/" + name + ".yaml names '" + missing + "', which is not in this build yet: " + e.getMessage());
        }
    }

    @Test
    void theReadmeExampleIsAValidExperiment() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("```yaml\n") + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("```", start));
        Experiment e = ExperimentFile.parse("README.md", yaml);
        // 3 schedulers × (sleep: 2 durations + cpu: 1) × 2 task counts, less platform × sleep's 2 × 2
        assertThat(Matrix.expand(e)).hasSize(3 * 3 * 2 - 4);
    }

    @Test
    void theDirectoryHoldsExactlyTheBundledExperiments() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("..", "experiments"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).map(n -> n.replace(".yaml", "")))
                    .containsExactlyInAnyOrderElementsOf(BUNDLED);
        }
    }
}
