package dev.sab.schedulers.eventloop;

import dev.sab.schedulers.eventloop.conformance.Scenario;
import dev.sab.schedulers.eventloop.conformance.Scenarios;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The conformance suite: every scenario is written twice, as JavaScript and as Java against this
 * API, with the trace Node prints committed beside them. The Java twin must print that trace; and
 * when {@code node} is on the PATH, Node must still print it, so the expected traces cannot drift
 * from the runtime they describe. Without node, the JavaScript half is skipped with a message.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConformanceTest {
    private static final String RESOURCES = "/conformance/eventloop/";
    private static final String NODE = NodeRunner.find();

    static Stream<Scenario> scenarios() {
        return Scenarios.all().stream();
    }

    @ParameterizedTest(name = "java twin of {0}")
    @MethodSource("scenarios")
    void javaTwinPrintsTheExpectedTrace(Scenario scenario) throws Exception {
        ConformanceTrace trace = new ConformanceTrace(script(scenario));
        scenario.run(trace.trace());
        assertThat(trace.trace().lines()).as("trace of the Java twin of %s", scenario.id()).isEqualTo(expected(scenario));
    }

    @ParameterizedTest(name = "node runs {0}")
    @MethodSource("scenarios")
    void nodePrintsTheExpectedTrace(Scenario scenario) throws Exception {
        assumeTrue(NODE != null, "node is not on the PATH: the JavaScript half of " + scenario.id() + " was not checked");
        List<String> printed = NodeRunner.run(NODE, script(scenario));
        assertThat(printed).as("what node prints for %s", scenario.id()).isEqualTo(expected(scenario));
    }

    static Path script(Scenario s) throws URISyntaxException {
        return resource(s.id() + ".js");
    }

    static List<String> expected(Scenario s) throws IOException, URISyntaxException {
        return Files.readAllLines(resource(s.id() + ".expected"), StandardCharsets.UTF_8);
    }

    private static Path resource(String name) throws URISyntaxException {
        URL url = ConformanceTest.class.getResource(RESOURCES + name);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + RESOURCES + name);
        }
        return Path.of(url.toURI());
    }
}
