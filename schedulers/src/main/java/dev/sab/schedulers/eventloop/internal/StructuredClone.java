package dev.sab.schedulers.eventloop.internal;

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
 *   <li>Values that {@link Extension}s claim (shared memory, transferred buffers) are theirs to copy.</li>
 *   <li>Anything else, a lambda above all (a function in JavaScript), is a DataCloneError.</li>
 * </ul>
 *
 * <p>Not thread-safe: one instance per message.
 */
public final class StructuredClone {

    /** A type the clone handles specially (sab-core's shared and transferable buffers). */
    public interface Extension {
        /** Returns the copy of {@code value}, or {@code NOT_MINE} when this extension does not handle it. */
        Object copy(Object value, StructuredClone clone);
    }

    /** What an extension returns for a value it does not handle. */
    public static final Object NOT_MINE = new Object();

    private static final List<Extension> EXTENSIONS = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final IdentityHashMap<Object, Object> memory = new IdentityHashMap<>();
    private final List<Object> transfer;

    private StructuredClone(List<?> transfer) {
        this.transfer = List.copyOf(transfer);
    }

    /** Registers an extension for every clone from now on. */
    public static void register(Extension e) {
        EXTENSIONS.add(e);
    }

    /** Clones {@code value}, transferring the objects in {@code transferList}. */
    public static Object copy(Object value, List<?> transferList) {
        return new StructuredClone(transferList).clone(value);
    }

    /** Whether {@code o} is in the message's transfer list (by identity). */
    public boolean isTransferred(Object o) {
        for (Object t : transfer) {
            if (t == o) {
                return true;
            }
        }
        return false;
    }

    /** Clones one value (for extensions cloning what they contain). */
    public Object clone(Object value) {
        if (value == null || isImmutable(value)) {
            return value;
        }
        Object seen = memory.get(value);
        if (seen != null) {
            return seen;
        }
        for (Extension e : EXTENSIONS) {
            Object copy = e.copy(value, this);
            if (copy != NOT_MINE) {
                memory.put(value, copy);
                return copy;
            }
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
