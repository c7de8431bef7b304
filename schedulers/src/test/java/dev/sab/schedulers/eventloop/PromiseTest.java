package dev.sab.schedulers.eventloop;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Promise semantics the conformance traces do not pin down on their own. */
class PromiseTest {

    @Test
    void resolvingAPromiseWithItselfRejectsWithATypeError() {
        AtomicReference<Throwable> reason = new AtomicReference<>();
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                Promise.Resolvers<Object> r = Promise.withResolvers();
                r.resolve().adopt(r.promise());
                r.promise().catchError(e -> {
                    reason.set(e);
                    return null;
                });
            });
        }
        assertThat(reason.get()).hasMessageContaining("TypeError: Chaining cycle");
    }

    @Test
    void onlyTheFirstResolvingCallCounts() {
        List<String> seen = new ArrayList<>();
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> new Promise<String>((resolve, reject) -> {
                resolve.accept("first");
                reject.accept(new IOException("ignored"));
                resolve.accept("ignored too");
            }).thenAccept(seen::add));
        }
        assertThat(seen).containsExactly("first");
    }

    @Test
    void anExecutorThatThrowsRejects() {
        AtomicReference<Throwable> reason = new AtomicReference<>();
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> new Promise<String>((resolve, reject) -> {
                throw new IOException("executor failed");
            }).catchError(e -> {
                reason.set(e);
                return null;
            }));
        }
        assertThat(reason.get()).isInstanceOf(IOException.class).hasMessage("executor failed");
    }

    @Test
    void anUnhandledRejectionWithNoHandlerEndsRunWithItsReason() {
        EventLoop loop = EventLoop.create();
        IllegalStateException boom = new IllegalStateException("nobody handled me");
        assertThatThrownBy(() -> loop.run(() -> Promise.reject(boom))).isSameAs(boom);
        loop.close();
    }

    @Test
    void anUnhandledCheckedRejectionEndsRunWrapped() {
        EventLoop loop = EventLoop.create();
        IOException io = new IOException("checked");
        assertThatThrownBy(() -> loop.run(() -> Promise.reject(io)))
                .isInstanceOf(UnhandledRejectionException.class).hasCause(io);
        loop.close();
    }

    @Test
    void warnModeLetsTheLoopGoOn() {
        List<String> seen = new ArrayList<>();
        EventLoopOptions warn = EventLoopOptions.builder().unhandledRejections(EventLoopOptions.UnhandledRejections.NONE).build();
        try (EventLoop loop = EventLoop.create(warn)) {
            loop.run(() -> {
                Promise.reject(new IllegalStateException("ignored"));
                loop.setTimeout(() -> seen.add("timer still ran"), 1);
            });
        }
        assertThat(seen).containsExactly("timer still ran");
    }

    @Test
    void aForeignStageSettlesThePromiseOnTheLoopAndKeepsTheLoopAliveMeanwhile() throws Exception {
        CompletableFuture<String> elsewhere = new CompletableFuture<>();
        List<String> seen = new ArrayList<>();
        Thread completer = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            elsewhere.complete("from another thread");
        });
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> Promise.from(elsewhere).thenAccept(v -> seen.add(v + " on " + (EventLoop.current() == loop))));
        }
        completer.join();
        assertThat(seen).containsExactly("from another thread on true");
    }

    @Test
    void promisesRefuseCallsFromOtherThreads() throws Exception {
        AtomicReference<Promise<String>> made = new AtomicReference<>();
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> made.set(Promise.resolve("v")));
        }
        assertThatThrownBy(() -> made.get().then(v -> v)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be called on the thread of event loop");
        assertThatThrownBy(() -> Promise.resolve("x")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not on an event loop thread");
    }

    @Test
    void aPromiseOfAnotherLoopCannotBeAdopted() {
        AtomicReference<Promise<String>> foreign = new AtomicReference<>();
        try (EventLoop other = EventLoop.create()) {
            other.run(() -> foreign.set(Promise.resolve("elsewhere")));
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                try {
                    Promise.resolve(foreign.get());
                } catch (IllegalStateException e) {
                    failure.set(e);
                }
            });
        }
        assertThat(failure.get()).hasMessageContaining("cannot be used on");
    }

    @Test
    void aLongChainRunsOneJobPerThenAndCountsThemAsMicrotasks() {
        int hops = 10_000;
        int[] reached = {0};
        EventLoopStats[] stats = new EventLoopStats[1];
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                Promise<Integer> p = Promise.resolve(0);
                for (int i = 0; i < hops; i++) {
                    p = p.then(v -> v + 1);
                }
                p.thenAccept(v -> reached[0] = v);
            });
            stats[0] = loop.stats();
        }
        assertThat(reached[0]).isEqualTo(hops);
        assertThat(stats[0].microtasks()).isEqualTo(hops + 1L);
    }
}
