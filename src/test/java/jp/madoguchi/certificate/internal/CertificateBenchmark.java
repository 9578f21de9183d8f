package jp.madoguchi.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.certificate.CertificateIssuance;
import jp.madoguchi.certificate.CertificateType;
import jp.madoguchi.certificate.IssuanceRequest;
import jp.madoguchi.certificate.PaymentMethod;
import jp.madoguchi.certificate.RequestType;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark (run on purpose by bench/certificate/run.sh; the class name matches no test pattern): N signed
 * certificates through {@link CertificateIssuance#issue} on T threads, each timed end to end.
 */
@MadoguchiIntegrationTest
class CertificateBenchmark {

    @Autowired CertificateIssuance issuance;
    @Autowired CertificateFont font;
    @Autowired jp.madoguchi.certificate.SealRegistry seals;

    @Test
    void issue() throws Exception {
        int n = Integer.getInteger("bench.certificates", 2000);
        int threads = Integer.getInteger("bench.threads", 4);
        List<String> people = CertificateDemoContent.demoAtenaNumbers(60);
        AuditEvent.Actor actor = AuditEvent.Actor.staff(1, "ベンチ");
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Runnable one = () -> {
            String atena = people.get(Math.floorMod(next.getAndIncrement(), people.size()));
            IssuanceRequest r = new IssuanceRequest(CertificateType.RESIDENT_RECORD_COPY, atena, true, List.of(),
                    Set.of(), null, RequestType.SELF, null, null, null, null, null, false, null, Channel.COUNTER, 1,
                    PaymentMethod.CASH, null, actor, "bench");
            try {
                TenantContext.runAs("205991", () -> issuance.issue(r));
            } catch (jp.madoguchi.certificate.CertificateRefusedException e) {
                refused.incrementAndGet(); // moved-out or dead demo persons, names the font lacks
            }
        };
        for (int i = 0; i < 50; i++) {
            one.run();
        }
        // Samples to look at (target/certificate-sample-*.pdf): a household copy with 続柄・本籍 and a seal certificate.
        for (String atena : people) {
            try {
                var sample = TenantContext.callAs("205991", () -> issuance.issue(new IssuanceRequest(
                        CertificateType.RESIDENT_RECORD_COPY, atena, true, List.of(),
                        Set.of(jp.madoguchi.certificate.OptionalItem.RELATIONSHIP,
                                jp.madoguchi.certificate.OptionalItem.DOMICILE), null, RequestType.SELF, null, null,
                        null, null, null, false, null, Channel.COUNTER, 1, PaymentMethod.CASH, null, actor, "bench")));
                java.nio.file.Files.write(java.nio.file.Path.of("target", "certificate-sample-household.pdf"), sample.pdf());
                break;
            } catch (jp.madoguchi.certificate.CertificateRefusedException e) {
                // try the next person
            }
        }
        for (String atena : people) {
            var seal = TenantContext.callAs("205991", () -> seals.active(atena));
            if (seal.isPresent()) {
                var sample = TenantContext.callAs("205991", () -> issuance.issue(new IssuanceRequest(
                        CertificateType.SEAL_CERTIFICATE, atena, false, List.of(), Set.of(), null, RequestType.SELF,
                        null, null, null, null, null, false, seal.get().cardNumber(), Channel.COUNTER, 1,
                        PaymentMethod.CASH, null, actor, "bench")));
                java.nio.file.Files.write(java.nio.file.Path.of("target", "certificate-sample-seal.pdf"), sample.pdf());
                break;
            }
        }
        long[] nanos = new long[n];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger index = new AtomicInteger();
        refused.set(0);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = index.getAndIncrement()) < n) {
                    long s = System.nanoTime();
                    one.run();
                    nanos[i] = System.nanoTime() - s;
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        Arrays.sort(nanos);
        double seconds = elapsed / 1e9;
        System.out.printf("BENCH certificates=%d threads=%d refused=%d font=%s%n", n, threads, refused.get(),
                font.fonts().origin().describe());
        System.out.printf("BENCH elapsed=%.1f s throughput=%.1f signed certificates/s%n", seconds, n / seconds);
        System.out.printf("BENCH per certificate: p50=%.1f ms p99=%.1f ms max=%.1f ms%n", nanos[n / 2] / 1e6,
                nanos[(int) Math.ceil(n * 0.99) - 1] / 1e6, nanos[n - 1] / 1e6);
        System.out.printf("BENCH machine: %d cores visible (the shared 2-core machine; other engineers' builds run "
                + "at the same time), load average %s%n", Runtime.getRuntime().availableProcessors(),
                new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).strip());
        assertThat(refused.get()).isLessThan(n);
    }
}
