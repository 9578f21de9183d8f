import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP load client for the reservation benchmark (java.net.http, one virtual thread and one cookie jar per client,
 * one shared connection pool).
 * Each booking is what a browser does: GET the booking form (session + CSRF token), POST it. Every client books
 * with its own contacts on one popular day. Prints what it measured and writes the SHA-256 of every manage token it
 * received (one per confirmed booking) so run.sh can check each against the database.
 *
 * Usage: java BookingLoad.java BASE_URL CLIENTS BOOKINGS_PER_CLIENT TOKENS_OUT [SERVICE]
 */
public class BookingLoad {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern SLOT = Pattern.compile("book\\?at=([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}(?:%3A|:)[0-9]{2})");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int clients = Integer.parseInt(args[1]);
        int perClient = Integer.parseInt(args[2]);
        Path tokensOut = Path.of(args[3]);
        String service = args.length > 4 ? args[4] : "certificates";

        Client admin = new Client(base);
        admin.signIn("205991", "kanri", "madoguchi-demo");
        // the popular day: the first day with free slots from 3 days ahead; a warm-up day after it
        List<String> slots = admin.slots(service, LocalDate.now().plusDays(3));
        String day = slots.get(0).substring(0, 10);
        List<String> popular = slots.stream().filter(s -> s.startsWith(day)).toList();
        List<String> warmSlots = admin.slots(service, LocalDate.parse(day).plusDays(1)).stream()
                .filter(s -> !s.startsWith(day)).toList();
        String warmDay = warmSlots.get(0).substring(0, 10);
        warmSlots = warmSlots.stream().filter(s -> s.startsWith(warmDay)).toList();
        admin.campaign(service, day, 100);
        admin.campaign(service, warmDay, 100);
        int capacityPerSlot = admin.freeAt(service, day);
        System.out.printf("popular day %s: %d slots x %d places = %d places; %d clients x %d bookings = %d attempts%n",
                day, popular.size(), capacityPerSlot, popular.size() * capacityPerSlot, clients, perClient,
                clients * perClient);

        run(base, service, warmSlots, 20, 15, "warm", null);
        Result r = run(base, service, popular, clients, perClient, "bench", tokensOut);
        System.out.printf("elapsed %.2f s%n", r.seconds);
        System.out.printf("confirmed bookings %d, refused as full %d, other failures %d%n", r.confirmed, r.full,
                r.failed);
        System.out.printf("confirmed bookings/s %.1f%n", r.confirmed / r.seconds);
        System.out.printf("booking POST latency p50 %.1f ms, p99 %.1f ms (all POSTs)%n", r.p(0.50), r.p(0.99));
        System.out.printf("form GET + POST latency p50 %.1f ms, p99 %.1f ms%n", r.pRound(0.50), r.pRound(0.99));
        System.out.println("RESULT confirmed_per_s=" + String.format("%.1f", r.confirmed / r.seconds)
                + " confirmed=" + r.confirmed + " full=" + r.full + " failed=" + r.failed + " day=" + day);
    }

    record Result(int confirmed, int full, int failed, double seconds, List<Long> post, List<Long> round) {
        double p(double q) {
            return percentile(post, q);
        }

        double pRound(double q) {
            return percentile(round, q);
        }

        static double percentile(List<Long> nanos, double q) {
            if (nanos.isEmpty()) {
                return Double.NaN;
            }
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
        }
    }

    static Result run(String base, String service, List<String> slots, int clients, int perClient, String tag,
            Path tokensOut) throws Exception {
        AtomicInteger confirmed = new AtomicInteger();
        AtomicInteger full = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ConcurrentLinkedQueue<Long> post = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> round = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> tokens = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long start;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                pool.submit(() -> {
                    Client http = new Client(base);
                    ready.countDown();
                    go.await();
                    for (int i = 0; i < perClient; i++) {
                        String at = slots.get(ThreadLocalRandom.current().nextInt(slots.size()));
                        try {
                            long t0 = System.nanoTime();
                            String csrf = http.csrfOf(http.get("/reservations/" + service + "/book?at=" + at).body());
                            long t1 = System.nanoTime();
                            HttpResponse<String> r = http.post("/reservations/" + service + "/book", Map.of(
                                    "_csrf", csrf, "at", at, "name", "負荷 試験" + client,
                                    "contactKind", "EMAIL", "contact", tag + "-" + client + "-" + i + "@bench.example.jp"));
                            long t2 = System.nanoTime();
                            post.add(t2 - t1);
                            round.add(t2 - t0);
                            String location = r.headers().firstValue("location").orElse("");
                            if (r.statusCode() == 302 && location.contains("/reservations/manage/")) {
                                confirmed.incrementAndGet();
                                tokens.add(location.substring(location.lastIndexOf('/') + 1));
                            } else if (r.statusCode() == 422 && r.body().contains("満員")) {
                                full.incrementAndGet();
                            } else {
                                failed.incrementAndGet();
                                errors.add(r.statusCode() + " " + location);
                            }
                        } catch (IOException | RuntimeException e) {
                            failed.incrementAndGet();
                            errors.add(e.toString());
                        }
                    }
                    return null;
                });
            }
            ready.await();
            start = System.nanoTime();
            go.countDown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!errors.isEmpty()) {
            System.out.println(tag + ": first failures: " + errors.stream().limit(5).toList());
        }
        if (tokensOut != null) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<String> hashes = new ArrayList<>();
            for (String t : tokens) {
                hashes.add(HexFormat.of().formatHex(sha.digest(t.getBytes(StandardCharsets.UTF_8))));
            }
            Files.write(tokensOut, hashes);
        }
        return new Result(confirmed.get(), full.get(), failed.get(), seconds, new ArrayList<>(post),
                new ArrayList<>(round));
    }

    /** One HTTP/1.1 connection pool for all simulated browsers (a client per browser would cost a selector thread each). */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    /** One browser: its own cookies (the session cookie), sent by hand over the shared connection pool. */
    static final class Client {
        final String base;
        final Map<String, String> cookies = new java.util.concurrent.ConcurrentHashMap<>();

        Client(String base) {
            this.base = base;
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
            if (!cookies.isEmpty()) {
                StringBuilder c = new StringBuilder();
                cookies.forEach((k, v) -> c.append(c.isEmpty() ? "" : "; ").append(k).append('=').append(v));
                b.header("Cookie", c.toString());
            }
            return b;
        }

        private HttpResponse<String> remember(HttpResponse<String> r) {
            for (String set : r.headers().allValues("set-cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
            return r;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return remember(HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofString()));
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return remember(HTTP.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        String csrfOf(String html) {
            Matcher m = CSRF.matcher(html);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token in the page");
            }
            return m.group(1);
        }

        void signIn(String municipality, String login, String password) throws Exception {
            String csrf = csrfOf(get("/office/sign-in").body());
            var r = post("/office/sign-in", Map.of("_csrf", csrf, "municipalityCode", municipality, "loginId", login,
                    "password", password));
            if (r.headers().firstValue("location").orElse("").contains("error")) {
                throw new IllegalStateException("sign-in failed");
            }
        }

        List<String> slots(String service, LocalDate from) throws Exception {
            List<String> found = new ArrayList<>();
            for (int week = 0; week < 4 && found.isEmpty(); week++) {
                Matcher m = SLOT.matcher(get("/reservations/" + service + "?from=" + from.plusDays(7L * week)).body());
                while (m.find()) {
                    found.add(m.group(1).replace("%3A", ":"));
                }
            }
            if (found.isEmpty()) {
                throw new IllegalStateException("no free slots found for " + service);
            }
            return found;
        }

        void campaign(String service, String day, int extra) throws Exception {
            String csrf = csrfOf(get("/office/reservations/settings").body());
            Map<String, String> form = new LinkedHashMap<>();
            form.put("_csrf", csrf);
            form.put("service", service);
            form.put("name", "ベンチマーク " + day);
            form.put("from", day);
            form.put("to", day);
            form.put("extra", Integer.toString(extra));
            var r = post("/office/reservations/settings/campaigns", form);
            if (r.statusCode() != 302) {
                throw new IllegalStateException("campaign not added: " + r.statusCode());
            }
        }

        int freeAt(String service, String day) throws Exception {
            Matcher m = Pattern.compile("（残り([0-9]+)）").matcher(get("/reservations/" + service + "?from=" + day).body());
            if (!m.find()) {
                throw new IllegalStateException("no free slot on " + day);
            }
            return Integer.parseInt(m.group(1));
        }
    }
}
