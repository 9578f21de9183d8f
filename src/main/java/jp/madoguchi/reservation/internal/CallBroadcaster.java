package jp.madoguchi.reservation.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * 呼出表示への配信 — the call displays of each municipality listen with server-sent events. A call is published only
 * after its transaction committed, so a display never shows a call that was rolled back. One process keeps the
 * emitters in memory; with several processes, a display reconnects (EventSource does) and reloads the list.
 */
@Component
class CallBroadcaster {

    /** What a display shows for one call. */
    record Call(String displayNumber, String counterName, String serviceName) {
    }

    private final Map<String, List<SseEmitter>> displays = new ConcurrentHashMap<>();

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

    /** Publishes {@code call} to the municipality's displays after the current transaction commits. */
    void publishAfterCommit(String municipalityCode, Call call) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish(municipalityCode, call);
                }
            });
        } else {
            publish(municipalityCode, call);
        }
    }

    /** A comment every 25 s keeps proxies from closing idle streams and finds displays that went away. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = 25_000, initialDelay = 25_000)
    void heartbeat() {
        displays.forEach((code, list) -> list.forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                list.remove(emitter);
            }
        }));
    }

    /** Ends every stream at shutdown, so the graceful shutdown does not wait for open displays. */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void closeAll() {
        displays.values().forEach(list -> {
            list.forEach(SseEmitter::complete);
            list.clear();
        });
    }

    private void publish(String municipalityCode, Call call) {
        for (SseEmitter emitter : displays.getOrDefault(municipalityCode, List.of())) {
            try {
                emitter.send(SseEmitter.event().name("call").data(call, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                displays.get(municipalityCode).remove(emitter);
            }
        }
    }
}
