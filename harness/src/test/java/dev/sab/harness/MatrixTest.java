package dev.sab.harness;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatrixTest {

    private static Experiment sweep() {
        return new Experiment("sweep", null, List.of("platform", "virtual", "platform-pool:threads=1"), List.of("sleep", "cpu"),
                Map.of("duration", List.of("1ms", "5ms", "10ms"), "cpu.units", List.of("10", "20")), List.of(100, 200),
                1, 0, null, List.of("1000/s", "2000/s"), "poisson", false, null, null, null, null, null);
    }

    @Test
    void listsExpandToTheirCrossProductInAFixedOrder() {
        List<Cell> cells = Matrix.expand(sweep());
        // 3 schedulers × (sleep: 3 durations + cpu: 2 unit counts) × 2 task counts × 2 rates
        assertThat(cells).hasSize(3 * (3 + 2) * 2 * 2);
        for (int i = 0; i < cells.size(); i++) {
            assertThat(cells.get(i).index()).isEqualTo(i);
        }
        Cell first = cells.getFirst();
        assertThat(first.scheduler()).isEqualTo("platform");
        assertThat(first.workload()).isEqualTo("sleep");
        assertThat(first.params()).isEqualTo(Map.of("duration", "1ms"));
        assertThat(first.tasks()).isEqualTo(100);
        assertThat(first.arrival()).isEqualTo(new Arrival.Open(1000, true));
        assertThat(cells.get(1).arrival()).isEqualTo(new Arrival.Open(2000, true));
        assertThat(cells.get(2).tasks()).isEqualTo(200);
        assertThat(cells.getLast().scheduler()).isEqualTo("platform-pool:threads=1");
        assertThat(cells.getLast().params()).isEqualTo(Map.of("units", "20"));
        assertThat(Matrix.expand(sweep())).as("the same experiment always expands the same way").isEqualTo(cells);
    }

    @Test
    void shardsPartitionTheMatrixExactly() {
        List<Cell> all = Matrix.expand(sweep());
        for (int n = 1; n <= 7; n++) {
            List<Cell> union = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            int smallest = Integer.MAX_VALUE;
            int largest = 0;
            for (int i = 1; i <= n; i++) {
                List<Cell> slice = new Shard(i, n).select(all);
                for (Cell c : slice) {
                    assertThat(seen.add(c.index())).as("cell %d is in one slice of %d only", c.index(), n).isTrue();
                }
                union.addAll(slice);
                smallest = Math.min(smallest, slice.size());
                largest = Math.max(largest, slice.size());
            }
            assertThat(union).as("slices of %d cover the matrix", n).containsExactlyInAnyOrderElementsOf(all);
            assertThat(largest - smallest).as("slices of %d are even", n).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void badShardsAndMatricesAreRefusedWithWhatIsValid() {
        assertThatThrownBy(() -> Shard.parse("0/4")).hasMessageContaining("'0/4'").hasMessageContaining("1 ≤ i ≤ n");
        assertThatThrownBy(() -> Shard.parse("5/4")).hasMessageContaining("'5/4'");
        assertThatThrownBy(() -> Shard.parse("two")).hasMessageContaining("'two'");
        Experiment both = new Experiment(null, null, List.of("virtual"), List.of("sleep"), null, null, null, null, List.of(4),
                List.of("10/s"), null, null, null, null, null, null, null);
        assertThatThrownBy(() -> Matrix.expand(both)).hasMessageContaining("concurrency and rate exclude each other");
        Experiment unknownParam = new Experiment(null, null, List.of("virtual"), List.of("sleep"), Map.of("units", List.of("5")),
                null, null, null, null, null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> Matrix.expand(unknownParam)).hasMessageContaining("unknown parameter 'units'")
                .hasMessageContaining("duration");
    }

    @Test
    void theCommandLineOverridesAFileParameterForEveryWorkloadOrForOne() {
        Experiment file = new Experiment(null, null, List.of("virtual"), List.of("sleep", "cpu"),
                Map.of("cpu.units", List.of("1000"), "duration", List.of("10ms")), null, null, null, null, null, null, null, null,
                null, null, null, null);
        Experiment cli = Experiment.empty().overriddenBy(file);
        Experiment units = cli.overriddenBy(new Experiment(null, null, null, null, Map.of("units", List.of("5")), null, null,
                null, null, null, null, null, null, null, null, null, null));
        assertThat(Matrix.expand(units)).extracting(Cell::params)
                .containsExactly(Map.of("duration", "10ms"), Map.of("units", "5"));
        Experiment sleepOnly = cli.overriddenBy(new Experiment(null, null, null, null, Map.of("sleep.duration", List.of("1ms")),
                null, null, null, null, null, null, null, null, null, null, null, null));
        assertThat(Matrix.expand(sleepOnly)).extracting(Cell::params)
                .containsExactly(Map.of("duration", "1ms"), Map.of("units", "1000"));
    }

    @Test
    void arrivalSpecsReadBackAsWritten() {
        for (String spec : List.of("burst", "burst:task", "closed:64", "open:1000/s", "open:2.5/s,poisson")) {
            assertThat(Arrival.parse(spec).spec()).isEqualTo(spec);
        }
        assertThat(Arrival.Rates.parse("2.5k/s")).isEqualTo(2500);
        assertThat(Arrival.Rates.parse("50/ms")).isEqualTo(50_000);
        assertThatThrownBy(() -> Arrival.parse("sometimes")).hasMessageContaining("burst, burst:task, closed:C or open:R/s");
        assertThat(Arrival.parse("burst")).isEqualTo(new Arrival.Burst(false));
        assertThat(Arrival.parse("burst:task")).isEqualTo(new Arrival.Burst(true));
    }

    private static Experiment spawner(List<String> workloads, List<String> rate, String... spawner) {
        return new Experiment(null, null, List.of("gmp"), workloads, null, List.of(10), null, null, null, rate, null,
                spawner.length == 0 ? null : List.of(spawner), null, null, null, null, null, null);
    }

    @Test
    void spawnerTaskMakesBurstsSpawnedByATaskWhereTheHarnessSpawns() {
        List<Cell> cells = Matrix.expand(spawner(List.of("sleep", "cpu"), null, "task"));
        assertThat(cells).extracting(Cell::arrival).containsOnly(new Arrival.Burst(true));
        assertThat(cells.getFirst().toString()).endsWith("burst:task");
        assertThat(Matrix.expand(spawner(List.of("sleep"), null, "thread"))).extracting(Cell::arrival)
                .containsOnly(new Arrival.Burst(false));
        assertThat(Matrix.expand(spawner(List.of("sleep"), null))).extracting(Cell::arrival)
                .as("the default").containsOnly(new Arrival.Burst(false));
        // both: a dimension of the matrix, in the order given
        assertThat(Matrix.expand(spawner(List.of("sleep", "http"), null, "thread", "task")))
                .extracting(c -> c.workload() + " " + c.arrival().spec())
                .containsExactly("sleep burst", "sleep burst:task", "http burst");

        assertThatThrownBy(() -> Matrix.expand(spawner(List.of("sleep"), null, "goroutine")))
                .hasMessage("bad value 'goroutine' for spawner: expected thread or task");
        assertThatThrownBy(() -> Matrix.expand(spawner(List.of("sleep"), List.of("100/s"), "task")))
                .hasMessageStartingWith("spawner task needs a burst");
        // http is driven by a load generator outside the JVM: no spawns to move into a task, so
        // its cells stay bursts from outside and say so
        assertThat(Matrix.expand(spawner(List.of("sleep", "http"), null, "task")))
                .extracting(c -> c.workload() + " " + c.arrival().spec())
                .containsExactly("sleep burst:task", "http burst");
    }
}
