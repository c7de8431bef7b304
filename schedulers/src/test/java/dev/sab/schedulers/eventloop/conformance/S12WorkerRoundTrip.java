package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.Worker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Twin of 12-worker-round-trip.js: messages are maps here, objects there. */
public final class S12WorkerRoundTrip implements Scenario {
    @Override
    public String id() {
        return "12-worker-round-trip";
    }

    @Override
    @SuppressWarnings("unchecked")
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                Worker worker = new Worker(w -> w.parentPort().onMessage(message -> {
                    Map<String, Object> msg = (Map<String, Object>) message;
                    ((List<String>) msg.get("items")).add("added by worker");
                    Map<String, Object> reply = new LinkedHashMap<>();
                    reply.put("reply", (Integer) msg.get("n") + 1);
                    reply.put("items", msg.get("items"));
                    reply.put("sawMain", msg.get("from"));
                    w.parentPort().postMessage(reply);
                    w.parentPort().close();
                }));
                Map<String, Object> sent = new LinkedHashMap<>();
                sent.put("n", 41);
                sent.put("from", "main");
                sent.put("items", new ArrayList<>(List.of("a", "b")));
                worker.onMessage(message -> {
                    Map<String, Object> m = (Map<String, Object>) message;
                    t.log("main got reply " + m.get("reply") + " with items " + String.join(",", (List<String>) m.get("items")));
                    t.log("worker saw a message from " + m.get("sawMain"));
                    t.log("sender's object unchanged: " + String.join(",", (List<String>) sent.get("items")));
                });
                worker.onExit(code -> t.log("worker exited with code " + code));
                worker.postMessage(sent);
                ((List<String>) sent.get("items")).add("added after posting");
                t.log("posted");
            });
        }
    }
}
