package jp.madoguchi.nursery.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The background threads runs execute on ({@code madoguchi.nursery.run-threads}, default 2): a run of the optimal
 * mode can take a minute, so it never runs on a request thread. Runs beyond the threads wait (state 待機中).
 */
@Component
public class NurseryRunExecutor implements DisposableBean {

    private final ExecutorService executor;

    public NurseryRunExecutor(@Value("${madoguchi.nursery.run-threads:2}") int threads) {
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "nursery-run-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void submit(Runnable work) {
        executor.submit(work);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
