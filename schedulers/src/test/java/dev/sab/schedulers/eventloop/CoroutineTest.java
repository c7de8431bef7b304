package dev.sab.schedulers.eventloop;

import dev.sab.core.Agent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Coroutines: async functions as virtual threads carried only by the loop thread. */
class CoroutineTest {

    @Test
    void anAsyncCallFromACoroutineRunsTheChildUntilItsFirstAwaitBeforeTheParentGoesOn() {
        List<String> order = new ArrayList<>();
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> loop.async(() -> {
                order.add("parent before");
                loop.async(() -> {
                    order.add("child before await");
                    EventLoop.await(Promise.resolve());
                    order.add("child after await");
                    return null;
                });
                order.add("parent after the call");
                EventLoop.await(Promise.resolve());
                order.add("parent after its await");
                return null;
            }));
        }
        assertThat(order).containsExactly("parent before", "child before await", "parent after the call",
                "child after await", "parent after its await");
    }

    /**
     * JavaScript's {@code for (...) { child(); }} in an async function, a hundred thousand times:
     * each call runs its child up to its first await and then the parent goes on. The loop thread
     * must resume the parent in place each time, not one call deeper per child (it overflowed its
     * stack after a few thousand children).
     */
    @Test
    void aCoroutineCanStartAHundredThousandChildrenInALoop() {
        int children = 100_000;
        int[] started = new int[1];
        int[] finished = new int[1];
        List<String> order = new ArrayList<>();
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> loop.async(() -> {
                for (int i = 0; i < children; i++) {
                    loop.async(() -> {
                        started[0]++;
                        EventLoop.await(Promise.resolve());
                        finished[0]++;
                        return null;
                    });
                }
                order.add("parent done, children started " + started[0] + ", finished " + finished[0]);
                return null;
            }));
        }
        assertThat(order).containsExactly("parent done, children started " + children + ", finished 0");
        assertThat(finished[0]).isEqualTo(children);
    }

    @Test
    void aBlockingCallInACoroutineBlocksTheWholeLoop() {
        List<String> order = new ArrayList<>();
        long[] timerAt = new long[1];
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                long start = System.nanoTime();
                loop.setTimeout(() -> {
                    timerAt[0] = (System.nanoTime() - start) / 1_000_000L;
                    order.add("timer");
                }, 5);
                loop.async(() -> {
                    Thread.sleep(80); // not an await: as a blocking call in JavaScript, the loop waits
                    order.add("coroutine woke");
                    return null;
                });
            });
        }
        assertThat(order).containsExactly("coroutine woke", "timer");
        assertThat(timerAt[0]).isGreaterThanOrEqualTo(75);
    }

    @Test
    void awaitingLetsTheLoopRunOtherWork() {
        List<String> order = new ArrayList<>();
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                loop.setTimeout(() -> order.add("timer 5"), 5);
                loop.async(() -> {
                    EventLoop.await(loop.delay(30));
                    order.add("coroutine after 30");
                    return null;
                });
            });
        }
        assertThat(order).containsExactly("timer 5", "coroutine after 30");
    }

    @Test
    void aThrowingCoroutineRejectsItsPromise() {
        AtomicReference<Throwable> reason = new AtomicReference<>();
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> loop.async(() -> {
                EventLoop.await(Promise.resolve());
                throw new IllegalStateException("async failure");
            }).catchError(e -> {
                reason.set(e);
                return null;
            }));
        }
        assertThat(reason.get()).hasMessage("async failure");
    }

    @Test
    void awaitRethrowsARejection() {
        List<String> seen = new ArrayList<>();
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> loop.async(() -> {
                try {
                    EventLoop.await(Promise.reject(new java.io.IOException("rejected")));
                } catch (java.io.IOException e) {
                    seen.add("caught " + e.getMessage());
                }
                return null;
            }));
        }
        assertThat(seen).containsExactly("caught rejected");
    }

    @Test
    void tenThousandCoroutinesWaitAtOnceOnOneThread() {
        int n = 10_000;
        int[] done = {0};
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                for (int i = 0; i < n; i++) {
                    loop.async(() -> {
                        EventLoop.await(loop.delay(20));
                        done[0]++;
                        return null;
                    });
                }
            });
        }
        assertThat(done[0]).isEqualTo(n);
    }

    @Test
    void coroutinesRunAsTheLoopsAgent() {
        List<String> agents = new ArrayList<>();
        try (EventLoop browser = EventLoop.create()) {
            browser.run(() -> {
                agents.add("loop thread may block: " + Agent.current().canBlock());
                browser.async(() -> {
                    agents.add("coroutine may block: " + Agent.current().canBlock());
                    return null;
                });
            });
        }
        try (EventLoop node = EventLoop.create(EventLoopOptions.builder().canBlock(true).build())) {
            node.run(() -> node.async(() -> {
                agents.add("node-style coroutine may block: " + Agent.current().canBlock());
                return null;
            }));
        }
        assertThat(agents).containsExactly("loop thread may block: false", "coroutine may block: false",
                "node-style coroutine may block: true");
    }

    @Test
    void awaitOutsideACoroutineIsRefused() {
        List<String> seen = new ArrayList<>();
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                try {
                    EventLoop.await(Promise.resolve());
                } catch (IllegalStateException e) {
                    seen.add("refused");
                } catch (Exception e) {
                    seen.add("other " + e);
                }
            });
        }
        assertThat(seen).containsExactly("refused");
    }
}
