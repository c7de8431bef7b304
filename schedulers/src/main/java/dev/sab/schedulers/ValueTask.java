package dev.sab.schedulers;

/** A {@link Task} that produces a value, read back through {@link TaskHandle#result()}. */
@FunctionalInterface
public interface ValueTask<T> {
    T call(Ctx ctx) throws Exception;
}
