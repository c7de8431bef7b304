package dev.sab.schedulers.eventloop;

import dev.sab.schedulers.eventloop.internal.Phase;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * {@code fs.readFile(path, callback)} as Node's {@code ReadFileContext} ({@code lib/internal/fs/read/context.js})
 * does it: open, fstat, read in chunks, close, each a separate request to the thread pool whose
 * completion runs as a callback in the poll phase. A small file therefore takes four trips through
 * the loop, which is why its callback comes several iterations after, for instance, a timer set
 * at the same time.
 *
 * <p>Called only on the loop thread.
 */
final class ReadFileContext {
    /** Node: kReadFileBufferLength, the largest single read. */
    static final int READ_FILE_BUFFER_LENGTH = 512 * 1024;
    /** Node: kReadFileUnknownBufferLength, the read size when fstat reports no size (pipes, /proc). */
    static final int READ_FILE_UNKNOWN_BUFFER_LENGTH = 64 * 1024;

    private final EventLoop loop;
    private final Path path;
    private final BiConsumer<Throwable, byte[]> callback;
    private FileChannel channel;
    private byte[] buffer;                 // known size: the whole file
    private ByteArrayOutputStream unknown;  // unknown size: chunks as they come
    private int position;

    ReadFileContext(EventLoop loop, Path path, BiConsumer<Throwable, byte[]> callback) {
        this.loop = loop;
        this.path = path;
        this.callback = callback;
    }

    void start() {
        step(() -> FileChannel.open(path, StandardOpenOption.READ), (result, error) -> {
            if (error != null) {
                callback.accept(error, null); // nothing to close
                return;
            }
            channel = (FileChannel) result;
            step(channel::size, this::afterStat);
        });
    }

    private void afterStat(Object size, Throwable error) {
        if (error != null) {
            close(error);
            return;
        }
        long length = (Long) size;
        if (length > Integer.MAX_VALUE - 8) {
            close(new java.io.IOException("ERR_FS_FILE_TOO_LARGE: " + path + " is " + length + " bytes"));
            return;
        }
        if (length == 0) {
            unknown = new ByteArrayOutputStream();
        } else {
            buffer = new byte[(int) length];
        }
        read();
    }

    private void read() {
        int length = buffer != null ? Math.min(READ_FILE_BUFFER_LENGTH, buffer.length - position) : READ_FILE_UNKNOWN_BUFFER_LENGTH;
        byte[] target = buffer != null ? buffer : new byte[length];
        int offset = buffer != null ? position : 0;
        long filePosition = position;
        step(() -> channel.read(ByteBuffer.wrap(target, offset, length), filePosition), (result, error) -> {
            if (error != null) {
                close(error);
                return;
            }
            int n = (Integer) result;
            if (n <= 0) {
                close(null);
                return;
            }
            position += n;
            if (unknown != null) {
                unknown.write(target, 0, n);
                read();
            } else if (position >= buffer.length) {
                close(null);
            } else {
                read();
            }
        });
    }

    private void close(Throwable failure) {
        step(() -> {
            channel.close();
            return null;
        }, (ignored, closeError) -> {
            Throwable error = failure != null ? failure : closeError;
            if (error != null) {
                callback.accept(error, null);
            } else {
                callback.accept(null, unknown != null ? unknown.toByteArray() : position == buffer.length ? buffer
                        : Arrays.copyOf(buffer, position));
            }
        });
    }

    /** One FSReqCallback: {@code work} on the pool, {@code after} as a poll-phase callback. */
    private void step(Callable<?> work, BiConsumer<Object, Throwable> after) {
        loop.uv.queueWork(work, (result, error) -> loop.scope.makeCallback(Phase.POLL, () -> after.accept(result, error), callback));
    }
}
