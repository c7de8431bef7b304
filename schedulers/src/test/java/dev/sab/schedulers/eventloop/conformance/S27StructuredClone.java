package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.DataCloneException;
import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.Worker;

import java.util.Calendar;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.IntSupplier;

/** Twin of 27-structured-clone.js: maps stand for JavaScript objects, LinkedHashMap for Map, a lambda for a function. */
public final class S27StructuredClone implements Scenario {
    @Override
    public String id() {
        return "27-structured-clone";
    }

    @Override
    @SuppressWarnings("unchecked")
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                Worker worker = new Worker(w -> w.parentPort().onMessage(message -> {
                    Map<String, Object> m = (Map<String, Object>) message;
                    Map<String, Object> self = (Map<String, Object>) m.get("self");
                    Calendar c = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
                    c.setTime((Date) m.get("date"));
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("sameListTwice", m.get("a") == m.get("b"));
                    r.put("cycle", self.get("self") == self);
                    r.put("mapValue", String.join("+", ((List<Integer>) ((Map<String, Object>) m.get("map")).get("k"))
                            .stream().map(String::valueOf).toList()));
                    r.put("setSize", ((Set<Object>) m.get("set")).size());
                    r.put("dateYear", c.get(Calendar.YEAR));
                    r.put("errorMessage", ((Throwable) m.get("error")).getMessage());
                    w.parentPort().postMessage(r);
                    w.parentPort().close();
                }));
                List<Integer> shared = new java.util.ArrayList<>(List.of(1, 2));
                Map<String, Object> self = new LinkedHashMap<>();
                self.put("self", self);
                try {
                    IntSupplier fn = () -> 1;
                    worker.postMessage(Map.of("fn", fn));
                } catch (DataCloneException e) {
                    t.log("posting a function: DataCloneError");
                }
                Map<String, Object> message = new LinkedHashMap<>();
                message.put("a", shared);
                message.put("b", shared);
                message.put("self", self);
                message.put("map", new LinkedHashMap<>(Map.of("k", List.of(3, 4))));
                message.put("set", new LinkedHashSet<>(List.of(1, 2, 2, 3)));
                Calendar c = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
                c.clear();
                c.set(2024, Calendar.JANUARY, 1);
                message.put("date", c.getTime());
                message.put("error", new RuntimeException("boom"));
                worker.postMessage(message);
                worker.onMessage(reply -> ((Map<String, Object>) reply).forEach((k, v) -> t.log(k + ": " + v)));
                worker.onExit(code -> t.log("exit " + code));
            });
        }
    }
}
