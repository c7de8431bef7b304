package dev.sab.schedulers.eventloop.internal;

import dev.sab.schedulers.eventloop.DataCloneException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StructuredCloneTest {

    record Point(int x, int y, List<String> tags) {
    }

    @Test
    void recordsAreRebuiltWithClonedComponents() {
        List<String> tags = new ArrayList<>(List.of("a"));
        Point p = new Point(1, 2, tags);
        Point copy = (Point) StructuredClone.copy(p, List.of());
        assertThat(copy).isEqualTo(p).isNotSameAs(p);
        assertThat(copy.tags()).isNotSameAs(tags);
        tags.add("changed after");
        assertThat(copy.tags()).containsExactly("a");
    }

    @Test
    void arraysAreCopiedAndSharedReferencesStayShared() {
        int[] numbers = {1, 2, 3};
        Object[] message = {numbers, numbers};
        Object[] copy = (Object[]) StructuredClone.copy(message, List.of());
        assertThat(copy[0]).isNotSameAs(numbers).isSameAs(copy[1]);
        assertThat((int[]) copy[0]).containsExactly(1, 2, 3);
    }

    @Test
    void immutableValuesPassAsTheyAre() {
        String s = "text";
        assertThat(StructuredClone.copy(s, List.of())).isSameAs(s);
        assertThat(StructuredClone.copy(Map.of("k", 1L), List.of())).isEqualTo(Map.of("k", 1L));
    }

    @Test
    void functionsAndArbitraryObjectsCannotBeCloned() {
        Supplier<String> fn = () -> "x";
        assertThatThrownBy(() -> StructuredClone.copy(fn, List.of())).isInstanceOf(DataCloneException.class)
                .hasMessageContaining("function");
        assertThatThrownBy(() -> StructuredClone.copy(new Object(), List.of())).isInstanceOf(DataCloneException.class)
                .hasMessageContaining("java.lang.Object could not be cloned");
        assertThatThrownBy(() -> StructuredClone.copy(Thread.currentThread(), List.of())).isInstanceOf(DataCloneException.class);
    }
}
