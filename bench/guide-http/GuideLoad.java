import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load client for the guide's public API: {@code clients} concurrent clients (virtual threads, one HTTP/1.1
 * connection pool) each POST complete answers to /procedures in a loop — answers of four default personas (転入 with
 * two school children, 出生, おくやみ, 65歳) in turn — for a warm-up, then a measured period. Prints requests/s and
 * latency percentiles of the measured period. Run: java GuideLoad.java http://localhost:18080 64 10 30
 */
public class GuideLoad {

    static final String[][] BODIES = {
        {"tennyu", """
            {"answers":{"moveInDate":"2026-04-03","hasMyNumberCard":true,"insurance":"kokuho","hasChildren":true,
             "children":[{"birthDate":"2016-06-10"},{"birthDate":"2012-09-01"}],"koumuin":false,"hasSeniors":false,
             "wantsInkan":false,"pets":[]}}"""},
        {"shussei", """
            {"answers":{"birthDate":"2026-07-01","insurance":"kokuho","receivingJidouTeate":false,"lowBirthWeight":false}}"""},
        {"shibou", """
            {"answers":{"deathDate":"2026-06-09","deceasedBirthDate":"1948-02-10","insurance":"kouki","highMedical":true,
             "wasHouseholdHead":true,"remainingMembers":2,"receivedPension":true,"hadInkan":true,
             "receivedJidouTeate":false,"disabilityBook":false,"assets":["realestate","kei","bank"],
             "largeEstate":false,"needsIncomeTaxReturn":false}}"""},
        {"taishoku", """
            {"answers":{"lossDate":"2026-09-30","birthDate":"1984-04-02","leaveReason":"kaisha","seekingWork":true,
             "spouseDependent":true,"hardship":true}}"""},
    };

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:18080";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int warmupSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int measureSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        String code = args.length > 4 ? args[4] : "205991";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<HttpRequest> requests = new ArrayList<>();
        for (String[] b : BODIES) {
            requests.add(HttpRequest.newBuilder(URI.create(base + "/api/public/v1/municipalities/" + code
                            + "/life-events/" + b[0] + "/procedures"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(b[1]))
                    .build());
        }
        // Sanity: every body must be accepted before we measure anything.
        for (HttpRequest r : requests) {
            HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(r.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
        }
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong errors = new AtomicLong();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                latencies[c] = new long[1 << 20];
                executor.submit(() -> {
                    int i = client;
                    while (!stop.get()) {
                        HttpRequest r = requests.get(i++ % requests.size());
                        long start = System.nanoTime();
                        try {
                            HttpResponse<Void> response = http.send(r, HttpResponse.BodyHandlers.discarding());
                            long took = System.nanoTime() - start;
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                            } else if (measuring.get() && counts[client] < latencies[client].length) {
                                latencies[client][counts[client]++] = took;
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(warmupSeconds * 1000L);
            errors.set(0);
            measuring.set(true);
            long started = System.nanoTime();
            Thread.sleep(measureSeconds * 1000L);
            measuring.set(false);
            long elapsed = System.nanoTime() - started;
            stop.set(true);
            long total = Arrays.stream(counts).asLongStream().sum();
            long[] all = new long[(int) total];
            int at = 0;
            for (int c = 0; c < clients; c++) {
                System.arraycopy(latencies[c], 0, all, at, counts[c]);
                at += counts[c];
            }
            Arrays.sort(all);
            System.out.printf("guide API /procedures: clients=%d measured=%ds requests=%d errors=%d%n", clients,
                    measureSeconds, total, errors.get());
            System.out.printf("  throughput %.0f requests/s%n", total / (elapsed / 1e9));
            System.out.printf("  latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n", pct(all, 0.50), pct(all, 0.90),
                    pct(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        }
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
