import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load client for bench/applications/run.sh: CLIENTS residents each sign in (demo sign-in), fill DRAFTS complete
 * 児童手当 認定請求 drafts through the form's steps and open the confirmation page (preparation, not timed), then all
 * clients submit their drafts at
 * once, each submission signed with the demo card and verified by the platform: submissions per second and the
 * latency of the submit request. A second POST of an already submitted draft must yield the same 受付番号.
 */
public class SubmitLoad {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern SUBJECT = Pattern.compile("data-subject=\"([0-9]+)\"");
    static final Pattern CONTENT_SHA = Pattern.compile("name=\"contentSha256\" value=\"([0-9a-f]{64})\"");

    record Client(HttpClient http, String base, String[] csrf) {
        String get(String path) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf[0] = m.group(1);
            }
            return r.body();
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            Map<String, String> all = new LinkedHashMap<>(form);
            all.put("_csrf", csrf[0]);
            StringBuilder b = new StringBuilder();
            all.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(b.toString())).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int clients = Integer.parseInt(args[1]);
        int drafts = Integer.parseInt(args[2]);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Client> cs = new ArrayList<>();
        List<List<String[]>> prepared = new ArrayList<>();
        String signIn = new Client(HttpClient.newHttpClient(), base, new String[1]).get("/mypage/signin");
        Matcher sm = SUBJECT.matcher(signIn);
        List<String> subjects = new ArrayList<>();
        while (sm.find()) {
            subjects.add(sm.group(1));
        }
        if (subjects.isEmpty()) {
            throw new IllegalStateException("no demo sign-in on /mypage/signin");
        }
        long prepStart = System.nanoTime();
        List<Future<List<String[]>>> preps = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Client c = new Client(HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(10)).build(), base, new String[1]);
            cs.add(c);
            String subject = subjects.get(i % subjects.size());
            preps.add(pool.submit(() -> prepare(c, subject, drafts)));
        }
        for (Future<List<String[]>> f : preps) {
            prepared.add(f.get());
        }
        double prepSeconds = (System.nanoTime() - prepStart) / 1e9;
        int total = prepared.stream().mapToInt(List::size).sum();
        System.out.printf("prepared %d drafts (5 steps each) in %.1f s%n", total, prepSeconds);

        // Warm-up: each client submits its first WARMUP drafts, all at once, untimed in the result (the platform starts
        // cold for every run, so the first wave pays for class loading and JIT compilation of the submit path).
        int warmup = Math.min(WARMUP, drafts - 1);
        Wave warm = wave(pool, cs, prepared.stream().map(l -> l.subList(0, warmup)).toList());
        if (warmup > 0) {
            System.out.printf("warm-up: %d submissions in %.2f s (%.1f/s, p50 %.1f ms, p99 %.1f ms), failed %d%n",
                    warm.latencies().size(), warm.seconds(), warm.latencies().size() / warm.seconds(),
                    warm.percentile(0.50), warm.percentile(0.99), warm.failed());
        }
        Wave measured = wave(pool, cs, prepared.stream().map(l -> l.subList(warmup, l.size())).toList());
        List<String> receipts = new ArrayList<>(warm.receipts());
        receipts.addAll(measured.receipts());
        List<Long> latencies = measured.latencies();
        AtomicInteger failed = new AtomicInteger(warm.failed() + measured.failed());
        double seconds = measured.seconds();
        // Idempotency: re-submitting the first drafts yields their receipts again.
        int repeatChecked = 0;
        int repeatWrong = 0;
        for (int i = 0; i < Math.min(clients, 5); i++) {
            if (prepared.get(i).isEmpty()) {
                continue;
            }
            String[] first = prepared.get(i).get(0);
            HttpResponse<String> r = cs.get(i).post("/apply/drafts/" + first[0] + "/submit",
                    Map.of("sign", "demo", "contentSha256", first[1]));
            repeatChecked++;
            String location = r.headers().firstValue("Location").orElse("");
            if (!(r.statusCode() == 302 && location.contains("/mypage/applications/"))) {
                repeatWrong++;
            }
        }
        pool.shutdown();
        double p50 = measured.percentile(0.50);
        double p99 = measured.percentile(0.99);
        long distinct = receipts.stream().distinct().count();
        System.out.printf("submitted %d after the warm-up (distinct receipts of all %d: %d), failed %d, in %.2f s%n",
                latencies.size(), receipts.size(), distinct,
                failed.get(), seconds);
        System.out.printf("RESULT clients=%d submissions=%d per_s=%.1f p50_ms=%.1f p99_ms=%.1f failed=%d repeat_checked=%d repeat_wrong=%d%n",
                clients, latencies.size(), latencies.size() / seconds, p50, p99, failed.get(), repeatChecked, repeatWrong);
    }

    /** Drafts per client submitted before the measured wave (BENCH_WARMUP, default 3). */
    static final int WARMUP = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP", "3"));

    /** One wave of submissions: every client submits its drafts in turn, all clients at once. */
    record Wave(List<Long> latencies, List<String> receipts, int failed, double seconds) {
        double percentile(double q) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * q) - 1)) / 1e6;
        }
    }

    static Wave wave(ExecutorService pool, List<Client> cs, List<List<String[]>> drafts) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> receipts = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
            Client c = cs.get(i);
            List<String[]> mine = drafts.get(i);
            runs.add(pool.submit(() -> {
                go.await();
                for (String[] draft : mine) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = c.post("/apply/drafts/" + draft[0] + "/submit",
                            Map.of("sign", "demo", "contentSha256", draft[1]));
                    long t1 = System.nanoTime();
                    String location = r.headers().firstValue("Location").orElse("");
                    if (r.statusCode() == 302 && location.contains("/mypage/applications/")) {
                        latencies.add(t1 - t0);
                        receipts.add(location.replaceAll(".*/mypage/applications/([0-9-]+).*", "$1"));
                    } else {
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        for (Future<?> f : runs) {
            f.get();
        }
        return new Wave(new ArrayList<>(latencies), new ArrayList<>(receipts), failed.get(), (System.nanoTime() - start) / 1e9);
    }

    /** Each draft as {id, the SHA-256 of its content that the confirmation page carries}. */
    static List<String[]> prepare(Client c, String subject, int drafts) throws Exception {
        c.get("/mypage/signin");
        c.post("/mypage/signin/demo", Map.of("subject", subject, "next", "/mypage"));
        c.get("/apply/jidou-teate-nintei");
        List<String[]> ids = new ArrayList<>();
        for (int i = 0; i < drafts; i++) {
            HttpResponse<String> start = c.post("/apply/start", Map.of("procedures", "jidou-teate-nintei"));
            String location = start.headers().firstValue("Location").orElseThrow(
                    () -> new IllegalStateException("start refused: " + start.statusCode()));
            String id = location.replaceAll(".*/apply/drafts/([0-9a-f-]{36}).*", "$1");
            String step0 = c.get("/apply/drafts/" + id + "/steps/0");
            Map<String, String> s0 = new LinkedHashMap<>();
            for (String name : List.of("applicantName", "applicantKana", "address", "email")) {
                Matcher m = Pattern.compile("name=\"f\\." + name + "\" value=\"([^\"]*)\"").matcher(step0);
                if (m.find()) {
                    s0.put("f." + name, m.group(1).replace("&#39;", "'").replace("&amp;", "&"));
                }
            }
            if (!s0.containsKey("f.email") || s0.get("f.email").isEmpty()) {
                s0.put("f.email", "bench@example.jp");
            }
            for (String part : List.of("era", "y", "m", "d")) {
                Matcher m = Pattern.compile("name=\"f\\.applicantBirthDate\\." + part + "\"[^>]*value=\"([^\"]*)\"")
                        .matcher(step0);
                Matcher sel = Pattern.compile("<option value=\"([a-z]+)\" selected").matcher(step0);
                if (part.equals("era")) {
                    s0.put("f.applicantBirthDate.era", sel.find() ? sel.group(1) : "heisei");
                } else if (m.find()) {
                    s0.put("f.applicantBirthDate." + part, m.group(1));
                }
            }
            s0.put("f.postcode", "399-0001");
            s0.put("f.phone", "0263-00-0000");
            s0.put("f.pension", "kokumin");
            s0.put("action", "next");
            expectRedirect(c.post("/apply/drafts/" + id + "/steps/0", s0), "step 1");
            expectRedirect(c.post("/apply/drafts/" + id + "/steps/1", Map.of("action", "next")), "step 2");
            Map<String, String> s2 = new LinkedHashMap<>();
            s2.put("f.children.count", "1");
            s2.put("f.children.0.name", "窓口 太郎");
            s2.put("f.children.0.kana", "マドグチ タロウ");
            s2.put("f.children.0.birthDate.era", "reiwa");
            s2.put("f.children.0.birthDate.y", "5");
            s2.put("f.children.0.birthDate.m", "4");
            s2.put("f.children.0.birthDate.d", "1");
            s2.put("f.children.0.relationship", "child");
            s2.put("f.children.0.livingTogether", "true");
            s2.put("f.olderChildren.count", "0");
            s2.put("action", "next");
            expectRedirect(c.post("/apply/drafts/" + id + "/steps/2", s2), "step 3");
            expectRedirect(c.post("/apply/drafts/" + id + "/steps/3", Map.of("f.usePublicAccount", "true", "action", "next")), "step 4");
            expectRedirect(c.post("/apply/drafts/" + id + "/steps/4", Map.of("f.declaration", "true", "action", "next")), "step 5");
            Matcher sha = CONTENT_SHA.matcher(c.get("/apply/drafts/" + id + "/confirm"));
            if (!sha.find()) {
                throw new IllegalStateException("no contentSha256 on the confirmation page of " + id);
            }
            ids.add(new String[] {id, sha.group(1)});
        }
        return ids;
    }

    static void expectRedirect(HttpResponse<String> r, String what) {
        if (r.statusCode() != 302) {
            Matcher m = Pattern.compile("class=\"field-error\"[^>]*>([^<]+)<").matcher(r.body());
            throw new IllegalStateException(what + " refused (" + r.statusCode() + ")" + (m.find() ? ": " + m.group(1) : ""));
        }
    }
}
