package dev.sab.schedulers.gmp;

import dev.sab.schedulers.internal.CustomVirtualThreads;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadFactory;

/**
 * G: a goroutine is a virtual thread whose scheduler is a {@link Sched}. The JDK hands us the
 * thread's continuation (a {@code Runnable}) every time the thread becomes runnable, and an M runs
 * the G by calling it: that call returns when the G parks, yields or ends. Run queues hold those
 * continuations, so a G costs nothing beyond its virtual thread.
 *
 * <p>Children started with {@code Thread.ofVirtual()} inside a G inherit the scheduler, as
 * goroutines started by a goroutine run on the same runtime.
 *
 * <p>Which M a piece of code runs on is the carrier thread of the current thread: the JDK's
 * package-private {@code Thread.currentCarrierThread()}, reached once through a method handle
 * (the same {@code --add-opens java.base/java.lang=ALL-UNNAMED} that custom schedulers need).
 * On an M with no G mounted it is the M itself.
 */
final class Goroutine {
    private static final MethodHandle CURRENT_CARRIER = findCurrentCarrier();

    private final ThreadFactory factory;

    /**
     * @throws UnsupportedOperationException naming the missing JVM flag or JDK feature
     */
    Goroutine(Sched sched) {
        if (CURRENT_CARRIER == null) {
            throw new UnsupportedOperationException("gmp needs the JVM flag --add-opens java.base/java.lang=ALL-UNNAMED"
                    + " (./sab passes it; add it to your own java command)");
        }
        this.factory = CustomVirtualThreads.builder(sched).factory();
    }

    /** Starts a new G running {@code body}: the JDK readies it through {@link Sched#execute}. Any thread. */
    void go(Runnable body) {
        factory.newThread(body).start();
    }

    /** The M of {@code sched} that the calling code runs on (as its G or as the M itself), or null. */
    static Machine currentMachine(Sched sched) {
        Thread carrier = carrier();
        return carrier instanceof Machine m && m.sched == sched ? m : null;
    }

    /** The M of any gmp scheduler the calling code runs on, or null. */
    static Machine currentMachine() {
        return carrier() instanceof Machine m ? m : null;
    }

    private static Thread carrier() {
        try {
            return (Thread) CURRENT_CARRIER.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("Thread.currentCarrierThread() failed", t);
        }
    }

    private static MethodHandle findCurrentCarrier() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup());
            return lookup.findStatic(Thread.class, "currentCarrierThread", MethodType.methodType(Thread.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
