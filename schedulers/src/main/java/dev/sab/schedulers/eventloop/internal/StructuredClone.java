package dev.sab.schedulers.eventloop.internal;

import dev.sab.core.ArrayBuffer;
import dev.sab.core.ArrayBufferLike;
import dev.sab.core.SharedArrayBuffer;
import dev.sab.core.TypedArray;
import dev.sab.core.Uint8Array;
import dev.sab.schedulers.eventloop.DataCloneException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * HTML's structured clone algorithm, for Java values: what {@code postMessage} does to a message
 * before another agent sees it. The copy is made on the sender's thread, at the call, so later
 * changes by the sender do not reach the receiver, and the receiver gets objects nobody else holds.
 *
 * <ul>
 *   <li>Primitive wrappers, strings, big numbers, enum constants, UUIDs and java.time values are
 *       immutable and pass as they are; a {@link Date} is copied.</li>
 *   <li>Arrays, lists, sets and maps (JavaScript's Array, Set, Map) are copied deeply into
 *       {@code ArrayList}, {@code LinkedHashSet} and {@code LinkedHashMap}; records (JavaScript's
 *       plain objects) are rebuilt through their canonical constructor from cloned components.</li>
 *   <li>Shared and repeated references, cycles included, come out shared in the copy, as the
 *       algorithm's memory map makes them.</li>
 *   <li>Throwables are copied through Java serialization, keeping class, message, stack and cause
 *       (JavaScript clones an Error's name, message and stack).</li>
 *   <li>A SharedArrayBuffer is shared, not copied. An ArrayBuffer is copied, unless it is in the
 *       transfer list: then its bytes move to the copy and the sender's buffer is detached. A typed
 *       array becomes a view of the same kind, offset and length over the copied (or shared, or
 *       moved) buffer.</li>
 *   <li>Anything else, a lambda above all (a function in JavaScript), is a DataCloneError.</li>
 * </ul>
 *
 * <p>Not thread-safe: one instance per message.
 */
public final class StructuredClone {

    private final IdentityHashMap<Object, Object> memory = new IdentityHashMap<>();
    private final IdentityHashMap<TypedArray, int[]> geometry; // views' offset, length, tracking, read before any detach

    private StructuredClone(IdentityHashMap<TypedArray, int[]> geometry) {
        this.geometry = geometry;
    }

    /**
     * StructuredSerializeWithTransfer then deserialize: clones {@code value}; every ArrayBuffer in
     * {@code transferList} is moved to the copy and detached here. The list is checked first and the
     * value is cloned once without moving anything, so a message that cannot be cloned leaves every
     * buffer attached, as in JavaScript.
     *
     * @throws DataCloneException if the value cannot be cloned or the transfer list is invalid
     */
    public static Object copy(Object value, List<?> transferList) {
        IdentityHashMap<TypedArray, int[]> geometry = new IdentityHashMap<>();
        if (transferList.isEmpty()) {
            return new StructuredClone(geometry).clone(value);
        }
        List<ArrayBuffer> buffers = checkTransferList(transferList);
        StructuredClone dryRun = new StructuredClone(geometry); // also records every view's geometry
        buffers.forEach(b -> dryRun.memory.put(b, b)); // a stand-in: nothing detached yet
        dryRun.clone(value);
        StructuredClone real = new StructuredClone(geometry);
        for (ArrayBuffer b : buffers) {
            real.memory.put(b, b.transfer()); // the bytes move; this buffer is detached
        }
        return real.clone(value);
    }

    private static List<ArrayBuffer> checkTransferList(List<?> transferList) {
        List<ArrayBuffer> buffers = new ArrayList<>();
        for (Object o : transferList) {
            if (o instanceof SharedArrayBuffer) {
                throw new DataCloneException("a SharedArrayBuffer cannot be transferred; it is shared by posting it");
            }
            if (!(o instanceof ArrayBuffer ab)) {
                throw new DataCloneException((o == null ? "null" : o.getClass().getName())
                        + " cannot be transferred: only ArrayBuffers can");
            }
            if (ab.detached()) {
                throw new DataCloneException("an ArrayBuffer in the transfer list is detached");
            }
            for (ArrayBuffer seen : buffers) {
                if (seen == ab) {
                    throw new DataCloneException("an ArrayBuffer appears twice in the transfer list");
                }
            }
            buffers.add(ab);
        }
        return buffers;
    }

    private Object clone(Object value) {
        if (value == null || isImmutable(value)) {
            return value;
        }
        Object seen = memory.get(value);
        if (seen != null) {
            return seen;
        }
        if (value instanceof SharedArrayBuffer) {
            return value; // shared, never copied: both agents see the same memory
        }
        if (value instanceof ArrayBuffer ab) {
            return remember(value, copyBuffer(ab));
        }
        if (value instanceof TypedArray view) {
            return remember(value, copyView(view));
        }
        Class<?> type = value.getClass();
        if (value instanceof Date d) {
            return remember(value, new Date(d.getTime()));
        }
        if (type.isArray()) {
            return cloneArray(value);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            memory.put(value, copy);
            map.forEach((k, v) -> copy.put(clone(k), clone(v)));
            return copy;
        }
        if (value instanceof Set<?> set) {
            Set<Object> copy = new LinkedHashSet<>();
            memory.put(value, copy);
            set.forEach(e -> copy.add(clone(e)));
            return copy;
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            memory.put(value, copy);
            list.forEach(e -> copy.add(clone(e)));
            return copy;
        }
        if (type.isRecord()) {
            return cloneRecord(value, type);
        }
        if (value instanceof Throwable t) {
            return remember(value, serializeCopy(t));
        }
        if (type.isSynthetic() || type.isHidden() || type.getSimpleName().contains("$$Lambda")) {
            throw new DataCloneException("a function (" + type.getName() + ") could not be cloned");
        }
        throw new DataCloneException(type.getName() + " could not be cloned: postMessage takes primitive values, strings,"
                + " arrays, lists, sets, maps, records, dates, errors and shared memory");
    }

    private static ArrayBuffer copyBuffer(ArrayBuffer ab) {
        if (ab.detached()) {
            throw new DataCloneException("a detached ArrayBuffer cannot be cloned");
        }
        if (!ab.growable()) {
            return ab.slice(0);
        }
        ArrayBuffer copy = ArrayBuffer.growable(ab.byteLength(), ab.maxByteLength());
        Uint8Array from = new Uint8Array(ab);
        Uint8Array to = new Uint8Array(copy);
        for (int i = 0; i < ab.byteLength(); i++) {
            to.set(i, from.get(i));
        }
        return copy;
    }

    /** A view of the same kind, offset and length over the clone of its buffer (the same buffer when shared). */
    private Object copyView(TypedArray view) {
        int[] g = geometry.computeIfAbsent(view, v -> new int[] {v.byteOffset(), v.length(), v.lengthTracking() ? 1 : 0});
        ArrayBufferLike buffer = (ArrayBufferLike) clone(view.buffer());
        try {
            if (g[2] == 1) {
                return view.getClass().getConstructor(ArrayBufferLike.class, int.class).newInstance(buffer, g[0]);
            }
            return view.getClass().getConstructor(ArrayBufferLike.class, int.class, int.class).newInstance(buffer, g[0], g[1]);
        } catch (ReflectiveOperationException e) {
            throw new DataCloneException(view.getClass().getSimpleName() + " could not be rebuilt: " + e);
        }
    }

    private Object remember(Object original, Object copy) {
        memory.put(original, copy);
        return copy;
    }

    private static boolean isImmutable(Object v) {
        return v instanceof String || v instanceof Number && (v instanceof Integer || v instanceof Long || v instanceof Double
                || v instanceof Float || v instanceof Short || v instanceof Byte || v instanceof BigInteger || v instanceof BigDecimal)
                || v instanceof Boolean || v instanceof Character || v instanceof Enum<?> || v instanceof UUID
                || v instanceof Temporal && v.getClass().getName().startsWith("java.time.");
    }

    private Object cloneArray(Object array) {
        int n = Array.getLength(array);
        Class<?> component = array.getClass().getComponentType();
        Object copy = Array.newInstance(component, n);
        memory.put(array, copy);
        if (component.isPrimitive()) {
            System.arraycopy(array, 0, copy, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                Array.set(copy, i, clone(Array.get(array, i)));
            }
        }
        return copy;
    }

    private Object cloneRecord(Object value, Class<?> type) {
        RecordComponent[] parts = type.getRecordComponents();
        Object[] args = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                var accessor = parts[i].getAccessor();
                accessor.setAccessible(true);
                args[i] = clone(accessor.invoke(value));
                types[i] = parts[i].getType();
            }
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return remember(value, canonical.newInstance(args));
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (e instanceof DataCloneException dce) {
                throw dce;
            }
            throw new DataCloneException("record " + type.getName() + " could not be rebuilt: " + e);
        }
    }

    private static Object serializeCopy(Serializable s) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(s);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new DataCloneException(s.getClass().getName() + " could not be cloned: " + e);
        }
    }
}
