package dev.sab.schedulers.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.Executor;

/**
 * Virtual threads whose scheduler is ours: the JDK's package-private
 * {@code ThreadBuilders.VirtualThreadBuilder(Executor)} constructor, reached by reflection. The
 * executor receives each virtual thread's continuation whenever it becomes runnable (started,
 * unparked, yielded) and must run it on a carrier of its choosing; children created with
 * {@code Thread.ofVirtual()} inside such a thread inherit the scheduler.
 *
 * <p>Feature-detected once: on a JDK without the constructor, or without
 * {@code --add-opens java.base/java.lang=ALL-UNNAMED}, {@link #builder} fails with a message that
 * says which.
 */
public final class CustomVirtualThreads {
    private static final String BUILDER_CLASS = "java.lang.ThreadBuilders$VirtualThreadBuilder";

    private CustomVirtualThreads() {
    }

    /** Whether custom-scheduler virtual threads can be made in this JVM. */
    public static boolean available() {
        return Probe.CONSTRUCTOR != null;
    }

    /** Why they cannot, or null when they can. */
    public static String unavailableReason() {
        return Probe.PROBLEM;
    }

    /**
     * A virtual-thread builder whose threads are scheduled by {@code scheduler}.
     *
     * @throws UnsupportedOperationException naming the missing flag or JDK feature
     */
    public static Thread.Builder.OfVirtual builder(Executor scheduler) {
        if (Probe.CONSTRUCTOR == null) {
            throw new UnsupportedOperationException(Probe.PROBLEM);
        }
        try {
            return (Thread.Builder.OfVirtual) Probe.CONSTRUCTOR.newInstance(scheduler);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new UnsupportedOperationException("cannot make a virtual thread with a custom scheduler: " + e, e);
        }
    }

    private static final class Probe {
        static final Constructor<?> CONSTRUCTOR;
        static final String PROBLEM;

        static {
            Constructor<?> found = null;
            String problem = null;
            try {
                Constructor<?> c = Class.forName(BUILDER_CLASS).getDeclaredConstructor(Executor.class);
                c.setAccessible(true);
                found = c;
            } catch (ClassNotFoundException | NoSuchMethodException e) {
                problem = "this JDK (" + Runtime.version() + ") has no " + BUILDER_CLASS
                        + "(Executor) constructor, which schedulers of virtual threads need; use a JDK 25";
            } catch (InaccessibleObjectException | SecurityException e) {
                problem = "virtual threads with a custom scheduler need the JVM flag"
                        + " --add-opens java.base/java.lang=ALL-UNNAMED (./sab passes it; add it to your own java command)";
            }
            CONSTRUCTOR = found;
            PROBLEM = problem;
        }
    }
}
