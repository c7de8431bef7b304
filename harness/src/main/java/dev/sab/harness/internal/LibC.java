package dev.sab.harness.internal;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

/** The C library functions the harness calls through the foreign-function API. */
public final class LibC {
    private LibC() {
    }

    /**
     * A downcall handle for the C library's {@code name} with the signature {@code descriptor}, or
     * null where there is none or this JVM may not call native code (it is the launcher's and the
     * jar manifest's business to enable native access): callers report the value as unknown.
     */
    @SuppressWarnings("restricted")
    public static MethodHandle find(String name, FunctionDescriptor descriptor) {
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find(name).map(address -> linker.downcallHandle(address, descriptor)).orElse(null);
        } catch (Throwable e) {
            return null;
        }
    }
}
