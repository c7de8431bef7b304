/**
 * Shared memory with ECMAScript semantics: SharedArrayBuffer, typed arrays, Atomics, and the
 * agents that may or may not block in {@code Atomics.wait}. Depends on nothing.
 */
module dev.sab.core {
    exports dev.sab.core;
}
