package dev.sab.schedulers;

import dev.sab.schedulers.internal.CustomVirtualThreads;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

class CustomVirtualThreadsTest {

    @Test
    void virtualThreadsRunOnlyWhereOurExecutorRunsThem() throws Exception {
        assertThat(CustomVirtualThreads.available()).as(CustomVirtualThreads.unavailableReason()).isTrue();
        ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
        AtomicInteger submissions = new AtomicInteger();
        Executor ours = r -> {
            submissions.incrementAndGet();
            queue.add(r);
        };
        List<String> carriers = new ArrayList<>();
        Thread vt = CustomVirtualThreads.builder(ours).unstarted(() -> {
            carriers.add(Thread.currentThread().isVirtual() ? "virtual" : "platform");
            LockSupport.park(); // unmounts: our executor gets the continuation again on unpark
            carriers.add("resumed");
        });
        vt.start();
        assertThat(submissions).hasValue(1);
        queue.poll().run(); // runs until park
        assertThat(carriers).containsExactly("virtual");
        LockSupport.unpark(vt);
        assertThat(submissions).hasValue(2);
        queue.poll().run();
        vt.join();
        assertThat(carriers).containsExactly("virtual", "resumed");
    }
}
