package dev.sab.schedulers.eventloop.conformance;

import java.util.List;

/** Every conformance scenario, in order. */
public final class Scenarios {
    private Scenarios() {
    }

    public static List<Scenario> all() {
        return List.of(
                new S01SeedComprehensive(),
                new S02ImmediateVsTimeoutInIo(),
                new S03NextTickPromiseQueueMicrotask(),
                new S04PromiseAdoption(),
                new S05ResolveWithPromise(),
                new S06IntervalClear(),
                new S07TimerOrder(),
                new S08UnrefTimer(),
                new S09CloseCallbacks(),
                new S10ThreadPoolSaturation(),
                new S11StarvationWatchdog(),
                new S12WorkerRoundTrip(),
                new S13SabWaitAsync(),
                new S14ImmediateChain(),
                new S15TimersMicrotasksBetween(),
                new S16NextTickRecursion(),
                new S17RejectionPropagation(),
                new S18UnhandledRejection(),
                new S19PromiseCombinators(),
                new S20AsyncAwaitOrder(),
                new S21ImmediateVsTimeoutInTimer(),
                new S22ClearTimers(),
                new S23TcpEcho(),
                new S24ConnectionRefused(),
                new S25UncaughtException(),
                new S26BeforeExit(),
                new S27StructuredClone(),
                new S28WorkerError());
    }
}
