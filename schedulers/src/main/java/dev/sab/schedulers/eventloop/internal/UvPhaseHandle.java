package dev.sab.schedulers.eventloop.internal;

/**
 * An idle, prepare or check handle ({@code uv_idle_t}, {@code uv_prepare_t}, {@code uv_check_t}):
 * a callback the loop runs once per iteration in its phase while the handle is started. An active
 * idle handle also makes the poll phase return at once: Node starts one whenever a ref'd
 * setImmediate is pending, and runs the immediates from a check handle.
 *
 * <p>Called only on the loop thread.
 */
public final class UvPhaseHandle extends UvHandle {
    /** Which phase list the handle lives in. */
    public enum Kind { IDLE, PREPARE, CHECK }

    private final Kind kind;
    private final Runnable callback;

    public UvPhaseHandle(UvLoop loop, Kind kind, Runnable callback) {
        super(loop);
        this.kind = kind;
        this.callback = callback;
    }

    /** {@code uv_idle_start} and friends: run the callback every iteration from now on. */
    public void start() {
        assert loop.ownedByCaller();
        if (isActive() || isClosing()) {
            return;
        }
        loop.phaseHandles(kind).add(this);
        activate();
    }

    /** {@code uv_idle_stop} and friends. */
    public void stop() {
        assert loop.ownedByCaller();
        if (!isActive()) {
            return;
        }
        loop.phaseHandles(kind).remove(this);
        deactivate();
    }

    Kind kind() {
        return kind;
    }

    void fire() {
        callback.run();
    }

    @Override
    protected void stopForClose() {
        if (isActive()) {
            loop.phaseHandles(kind).remove(this);
        }
    }
}
