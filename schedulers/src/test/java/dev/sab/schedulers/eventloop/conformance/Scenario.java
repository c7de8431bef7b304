package dev.sab.schedulers.eventloop.conformance;

/**
 * One conformance scenario: a Java twin of {@code conformance/eventloop/<id>.js}, which prints the
 * same trace, line for line, as the JavaScript prints under Node. The expected trace is committed
 * beside the script as {@code <id>.expected}.
 */
public interface Scenario {

    /** The file name of the twin, without extension: "01-seed-comprehensive". */
    String id();

    /** Runs the twin (making and running its own loops) and logs its trace. */
    void run(Trace trace) throws Exception;
}
