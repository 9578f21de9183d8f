package jp.madoguchi.reservation.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * 呼出表示への配信 — the call displays of each municipality listen with server-sent events.
 *
 * <p>A call is announced with PostgreSQL {@code NOTIFY} on channel {@value #CHANNEL} <em>in the calling
 * transaction</em>: PostgreSQL delivers it only when that transaction commits (and never when it rolls back), to every
 * application instance listening — each has one {@link CallListener} connection — and each instance passes it to the
 * displays connected to it, per municipality (the payload names the municipality). So a display sees every committed
 * call whichever instance it is connected to, and never an uncommitted one.
 */
@Component
class CallBroadcaster {

    static final String CHANNEL = "madoguchi_call";

    /** What a display shows for one call. */
    record Call(String displayNumber, String counterName, String serviceName) {
    }

    /** The NOTIFY payload: the call and its municipality (no personal data: numbers, counters, services). */
    record Notice(String municipality, String displayNumber, String counterName, String serviceName) {
        Call call() {
            return new Call(displayNumber, counterName, serviceName);
        }
    }

    private final Map<String, List<SseEmitter>> displays = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final JsonMapper json;

    CallBroadcaster(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    SseEmitter subscribe(String municipalityCode) {
        SseEmitter emitter = new SseEmitter(30 * 60 * 1000L);
        List<SseEmitter> list = displays.computeIfAbsent(municipalityCode, k -> new CopyOnWriteArrayList<>());
        list.add(emitter);
        emitter.onCompletion(() -> list.remove(emitter));
        emitter.onTimeout(() -> list.remove(emitter));
        emitter.onError(e -> list.remove(emitter));
        try {
            emitter.send(SseEmitter.event().name("hello").data("{}", MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            list.remove(emitter);
        }
        return emitter;
    }

    /**
     * Announces {@code call} to the municipality's displays on every instance, within the caller's transaction
     * (delivered at its commit; dropped if it rolls back).
     */
    void announce(String municipalityCode, Call call) {
        String payload = json.writeValueAsString(new Notice(municipalityCode, call.displayNumber(), call.counterName(),
                call.serviceName()));
        jdbc.sql("select pg_notify(:channel, :payload)").param("channel", CHANNEL).param("payload", payload)
                .query((rs, i) -> 1).list();
    }

    /** A notification as {@link CallListener} received it: passes the call on to this instance's displays. */
    void received(String payload) {
        Notice notice = json.readValue(payload, Notice.class);
        deliver(notice.municipality(), notice.call());
    }

    /**
     * After the listening connection was re-established, calls may have been missed: every display reloads its list
     * from the database.
     */
    void resynchronise() {
        displays.forEach((code, list) -> list.forEach(emitter -> send(list, emitter,
                SseEmitter.event().name("resync").data("{}", MediaType.APPLICATION_JSON))));
    }

    /** A comment every 25 s keeps proxies from closing idle streams and finds displays that went away. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = 25_000, initialDelay = 25_000)
    void heartbeat() {
        displays.forEach((code, list) -> list.forEach(emitter -> send(list, emitter,
                SseEmitter.event().comment("keep-alive"))));
    }

    /** Ends every stream at shutdown, so the graceful shutdown does not wait for open displays. */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void closeAll() {
        displays.values().forEach(list -> {
            list.forEach(SseEmitter::complete);
            list.clear();
        });
    }

    private void deliver(String municipalityCode, Call call) {
        List<SseEmitter> list = displays.getOrDefault(municipalityCode, List.of());
        for (SseEmitter emitter : list) {
            send(list, emitter, SseEmitter.event().name("call").data(call, MediaType.APPLICATION_JSON));
        }
    }

    private static void send(List<SseEmitter> list, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            list.remove(emitter);
        }
    }
}
