package dev.fairway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fairway.support.MailServer;
import dev.fairway.web.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The release morning, as bench/release runs it: golfers signed in through the real sign-in flow
 * (codes caught by a local SMTP server), each polling availability and racing to book the instant
 * the next Saturday opens to the public, keyed as the page books; and bots from one address
 * hammering availability and bookings as fast as they can. Two instances share the database;
 * golfers come through X-Forwarded-For from a trusted proxy, each from its own address.
 *
 * <p>Usage: {@code ReleaseMorning <url A> <url B> <admin token> <smtp port> [golfers] [bots]}
 */
public final class ReleaseMorning {

    private static final Pattern CODE = Pattern.compile("(?m)^([0-9]{6})\\r?$");
    private static final String COURSE = "release";
    private static final String BOT_ADDRESS = "198.51.100.66";
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(60);
    /** The status counted for a request whose connection closed without an answer. */
    private static final int CLOSED = 0;

    private final String[] urls;
    private final String adminToken;
    private final int golfers;
    private final int bots;
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Samples> samples = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Instant> booked = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean over = new AtomicBoolean();
    /** Requests whose connection closed without an answer, each described. */
    private final ConcurrentLinkedQueue<String> closed = new ConcurrentLinkedQueue<>();
    /** Keyed bookings sent again, as a browser would, after their connection closed without an answer. */
    private final AtomicLong resent = new AtomicLong();

    /** The public class's release: first come, first served (as before), or a draw of entries (issue 28). */
    private final boolean draw;

    private ReleaseMorning(String[] urls, String adminToken, int golfers, int bots, boolean draw) {
        this.urls = urls;
        this.adminToken = adminToken;
        this.golfers = golfers;
        this.bots = bots;
        this.draw = draw;
    }

    /** Latencies (ms) and answers by status of one kind of request. */
    static final class Samples {
        final List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();

        void add(int status, long nanos) {
            millis.add(nanos / 1e6);
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        }

        String line(String name) {
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            Map<Integer, Long> byStatus = new TreeMap<>();
            statuses.forEach((s, n) -> byStatus.put(s, n.get()));
            return String.format("%-22s %8d %9.1f %9.1f %9.1f   %s", name, sorted.size(), at(sorted, 0.50), at(sorted, 0.99),
                    sorted.isEmpty() ? 0 : sorted.getLast(), byStatus);
        }

        double percentile(double q) {
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            return at(sorted, q);
        }

        Map<Integer, Long> byStatus() {
            Map<Integer, Long> byStatus = new TreeMap<>();
            statuses.forEach((s, n) -> byStatus.put(s, n.get()));
            return byStatus;
        }

        private static double at(List<Double> sorted, double q) {
            return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
        }
    }

    record Answer(int status, JsonNode json, String retryAfter) {
    }

    public static void main(String[] args) throws Exception {
        int golfers = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        int bots = args.length > 5 ? Integer.parseInt(args[5]) : 20;
        boolean draw = args.length > 6 && args[6].equals("draw");
        try (MailServer mail = MailServer.startOn(Integer.parseInt(args[3]))) {
            ReleaseMorning morning = new ReleaseMorning(new String[] {args[0], args[1]}, args[2], golfers, bots, draw);
            if (draw) {
                morning.runDraw(mail);
            } else {
                morning.run(mail);
            }
        }
        System.exit(0);
    }

    private void run(MailServer mail) throws Exception {
        // A placeholder course first, so that sign-in and the course's cache are warm; the real
        // rules (the release a few seconds ahead) are set once every golfer is signed in.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        putCourse(today.plusDays(1).with(TemporalAdjusters.next(DayOfWeek.SATURDAY)), 14, LocalTime.MIDNIGHT);
        Instant signInStart = Instant.now();
        List<String> tokens = signIn(mail);
        Duration signInTook = Duration.between(signInStart, Instant.now());

        // Release times are whole minutes: the next one at least 5 s away.
        Instant release = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        ZonedDateTime releaseUtc = release.atZone(ZoneOffset.UTC);
        LocalDate saturday = releaseUtc.toLocalDate().with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        int window = (int) ChronoUnit.DAYS.between(releaseUtc.toLocalDate(), saturday);
        putCourse(saturday, window, releaseUtc.toLocalTime());
        System.out.printf("%d golfers signed in in %.1f s; %s opens at %s (in %d s)%n", tokens.size(),
                signInTook.toMillis() / 1000.0, saturday, release, Duration.between(Instant.now(), release).toSeconds());

        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        for (int b = 0; b < bots; b++) {
            int bot = b;
            threads.submit(() -> bot(bot, saturday));
        }
        // Golfers start polling some seconds before the release, as people do.
        sleepUntil(release.minusSeconds(5));
        List<java.util.concurrent.Future<?>> racing = new ArrayList<>();
        for (int g = 0; g < tokens.size(); g++) {
            int golfer = g;
            racing.add(threads.submit(() -> golfer(golfer, tokens.get(golfer), saturday, release)));
        }
        for (java.util.concurrent.Future<?> golfer : racing) {
            golfer.get();
        }
        over.set(true);
        threads.shutdown();
        threads.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);

        report(saturday, release);
        visibilityAcrossInstances(saturday.plusDays(7));
    }

    private void putCourse(LocalDate saturday, int window, LocalTime releaseTime) throws Exception {
        String hours = "[{\"firstTeeTime\": \"07:00\", \"lastTeeTime\": \"16:50\"}]";
        String body = """
                {"name": "Release Morning", "timeZone": "UTC", "teeTimeIntervalMinutes": 10, "maxPlayersPerTeeTime": 4,
                 "bookingWindowDays": %d, "weeklyHours": {"SATURDAY": %s, "SUNDAY": %s},
                 "bookingClasses": [{"name": "public", "bookingWindowDays": %d, "releaseTime": "%s",
                                     "maxOpenBookings": 2, "maxBookingsPerDay": 1%s}]}
                """.formatted(window + 7, hours, hours, window, releaseTime.truncatedTo(ChronoUnit.MINUTES),
                draw ? ", \"releaseMode\": \"draw\", \"drawEntryHours\": 24" : "");
        Answer put = send(0, "PUT", "/api/courses/" + COURSE, body, adminToken, "127.0.0.1", null);
        if (put.status() >= 300) {
            throw new IllegalStateException("course PUT: " + put.status() + " " + put.json());
        }
    }

    /**
     * The draw variant: the same golfers, and the bots signed in too (each bot its own email and
     * address, as a bot farm would), all enter the draw before the release: each golfer once, with
     * five of the ten prime tee times in an order of their own; each bot as fast as it can, again
     * and again, for the first five. From the release the bots hammer bookings. Measured: how long
     * after the release the draw is done, and what the bots won: in the draw, their entries' share;
     * after it, what first come, first served left.
     */
    private void runDraw(MailServer mail) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        putCourse(today.plusDays(1).with(TemporalAdjusters.next(DayOfWeek.SATURDAY)), 14, LocalTime.MIDNIGHT);
        List<String> tokens = signIn(mail, golfers + bots);
        List<String> golferTokens = tokens.subList(0, Math.min(golfers, tokens.size()));
        List<String> botTokens = tokens.subList(Math.min(golfers, tokens.size()), tokens.size());
        Instant release = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        ZonedDateTime releaseUtc = release.atZone(ZoneOffset.UTC);
        LocalDate saturday = releaseUtc.toLocalDate().with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        int window = (int) ChronoUnit.DAYS.between(releaseUtc.toLocalDate(), saturday);
        putCourse(saturday, window, releaseUtc.toLocalTime());
        List<String> prime = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            prime.add(saturday + "T" + String.format("%02d:%02d:00Z", 7 + i / 6, i % 6 * 10));
        }
        System.out.printf("%d golfers and %d bots signed in; %s draws at %s (in %d s)%n", golferTokens.size(),
                botTokens.size(), saturday, release, Duration.between(Instant.now(), release).toSeconds());
        AtomicLong botEntries = new AtomicLong();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int g = 0; g < golferTokens.size(); g++) {
                int golfer = g;
                threads.submit(() -> {
                    List<String> mine = new ArrayList<>(prime);
                    Collections.shuffle(mine, new Random(golfer));
                    timed("entries (golfers)", golfer, "POST", "/api/courses/" + COURSE + "/entries",
                            entry(saturday, 2, mine.subList(0, 5)), golferTokens.get(golfer), address(golfer), null);
                    return null;
                });
            }
            for (int b = 0; b < botTokens.size(); b++) {
                int bot = b;
                threads.submit(() -> {
                    while (Instant.now().isBefore(release.minusMillis(500))) {
                        Answer entered = timed("entries (bots)", bot, "POST", "/api/courses/" + COURSE + "/entries",
                                entry(saturday, 4, prime.subList(0, 5)), botTokens.get(bot), address(golfers + bot), null);
                        if (entered.status() < 300) {
                            botEntries.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        sleepUntil(release);
        Instant done = null;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int b = 0; b < botTokens.size(); b++) {
                int bot = b;
                threads.submit(() -> botAfterRelease(bot, botTokens.get(bot), saturday));
            }
            while (done == null && Instant.now().isBefore(release.plusSeconds(60))) {
                Answer view = send(0, "GET", "/api/courses/" + COURSE + "/draws/" + saturday, null, null, "127.0.0.1", null);
                if (view.status() == 200 && view.json().path("status").asText().equals("done")) {
                    done = Instant.now();
                } else {
                    sleepMillis(100);
                }
            }
            sleepMillis(3000); // the bots' first-come minutes after the draw
            over.set(true);
        }
        reportDraw(saturday, release, done, botEntries.get());
    }

    private static String entry(LocalDate saturday, int players, List<String> preferences) {
        StringBuilder list = new StringBuilder();
        preferences.forEach(start -> list.append(list.isEmpty() ? "" : ", ").append("{\"start\": \"").append(start)
                .append("\"}"));
        return "{\"date\": \"" + saturday + "\", \"players\": " + players + ", \"preferences\": [" + list + "]}";
    }

    /** A signed-in bot from the release on: the first open tee time, as fast as it can. */
    private void botAfterRelease(int bot, String token, LocalDate saturday) {
        String path = "/api/courses/" + COURSE + "/availability?from=" + saturday + "&players=4";
        while (!over.get()) {
            try {
                List<String> open = open(timed("availability (bots)", bot, "GET", path, null, token,
                        address(golfers + bot), null));
                String start = open.isEmpty() ? saturday + "T07:00:00Z" : open.getFirst();
                timed("bookings (bots)", bot + 1, "POST", "/api/courses/" + COURSE + "/bookings",
                        "{\"start\": \"" + start + "\", \"players\": 4}", token, address(golfers + bot), null);
            } catch (Exception e) {
                sleepMillis(10);
            }
        }
    }

    private void reportDraw(LocalDate saturday, Instant release, Instant done, long botEntries) throws Exception {
        JsonNode view = send(0, "GET", "/api/courses/" + COURSE + "/draws/" + saturday, null, null, "127.0.0.1", null)
                .json();
        java.util.Set<String> drawn = new java.util.HashSet<>();
        for (JsonNode result : view.path("results")) {
            if (result.has("bookingId")) {
                drawn.add(result.path("bookingId").asText());
            }
        }
        JsonNode bookings = send(0, "GET", "/api/courses/" + COURSE + "/bookings?date=" + saturday, null, adminToken,
                "127.0.0.1", null).json();
        Map<String, Integer> players = new HashMap<>();
        int botsInDraw = 0;
        int botsAfter = 0;
        int golfersInDraw = 0;
        for (JsonNode booking : bookings) {
            if (!booking.path("status").asText().equals("confirmed")) {
                continue;
            }
            players.merge(booking.path("start").asText(), booking.path("players").asInt(), Integer::sum);
            boolean bot = booking.path("email").asText().endsWith("@bots.test");
            boolean inDraw = drawn.contains(booking.path("id").asText());
            botsInDraw += bot && inDraw ? 1 : 0;
            botsAfter += bot && !inDraw ? 1 : 0;
            golfersInDraw += !bot && inDraw ? 1 : 0;
        }
        long overbooked = players.values().stream().filter(p -> p > 4).count();
        double drawSeconds = done == null ? -1 : Duration.between(release, done).toMillis() / 1000.0;
        int entries = view.path("entries").asInt();
        System.out.println();
        System.out.printf("draw done %.2f s after the release; %d entries (%d by bots, who sent %d entry requests); "
                + "won in the draw: golfers %d, bots %d; bots' bookings after the draw (first come) %d; overbooked %d%n",
                drawSeconds, entries, bots, botEntries, golfersInDraw, botsInDraw, botsAfter, overbooked);
        System.out.printf("%-22s %8s %9s %9s %9s   %s%n", "requests", "count", "p50 ms", "p99 ms", "max ms", "by status");
        new TreeMap<>(samples).forEach((name, s) -> System.out.println(s.line(name)));
        System.out.printf("row draw_s=%.2f entries=%d bot_entry_requests=%d golfers_won=%d bots_won=%d bots_after=%d "
                + "overbooked=%d closed=%d%n", drawSeconds, entries, botEntries, golfersInDraw, botsInDraw, botsAfter,
                overbooked, closed.size());
    }

    /** Every golfer through the real flow: code requested, caught by SMTP, verified; 50 at a time. */
    private List<String> signIn(MailServer mail) throws Exception {
        return signIn(mail, golfers);
    }

    /** {@code count} golfers through the real flow (those past {@link #golfers} are bots: bot emails). */
    private List<String> signIn(MailServer mail, int count) throws Exception {
        String[] tokens = new String[count];
        Semaphore inFlight = new Semaphore(50);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int g = 0; g < count; g++) {
                int golfer = g;
                inFlight.acquire();
                threads.submit(() -> {
                    try {
                        String email = golfer < golfers ? "golfer" + golfer + "@bench.test"
                                : "bot" + (golfer - golfers) + "@bots.test";
                        Answer asked = send(golfer, "POST", "/api/sign-in", "{\"email\": \"" + email + "\"}", null,
                                address(golfer), null);
                        if (asked.status() != 202) {
                            throw new IllegalStateException("sign-in " + asked.status() + " " + asked.json());
                        }
                        String code = awaitCode(mail, email);
                        Answer verified = send(golfer + 1, "POST", "/api/sign-in/verify",
                                "{\"email\": \"" + email + "\", \"code\": \"" + code + "\"}", null, address(golfer), null);
                        tokens[golfer] = verified.json().path("token").asText();
                    } catch (Exception e) {
                        System.err.println("golfer " + golfer + " did not sign in: " + e);
                    } finally {
                        inFlight.release();
                    }
                    return null;
                });
            }
        }
        List<String> signedIn = new ArrayList<>();
        for (String token : tokens) {
            if (token != null) {
                signedIn.add(token);
            }
        }
        return signedIn;
    }

    private static String awaitCode(MailServer mail, String email) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            for (MailServer.Received received : mail.received()) {
                if (received.recipient().equals(email)) {
                    Matcher code = CODE.matcher(text(received));
                    if (code.find()) {
                        return code.group(1);
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no code for " + email);
    }

    private static String text(MailServer.Received received) throws Exception {
        Object content = received.message().getContent();
        if (content instanceof String text) {
            return text;
        }
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) content;
        return String.valueOf(parts.getBodyPart(0).getContent());
    }

    /** Polls once a second until tee times open, then books one (2 players, keyed), trying others while they go. */
    private void golfer(int golfer, String token, LocalDate saturday, Instant release) {
        Random random = new Random(golfer);
        String path = "/api/courses/" + COURSE + "/availability?from=" + saturday + "&players=2";
        Instant giveUp = release.plus(GIVE_UP_AFTER);
        try {
            sleepMillis(random.nextInt(1000));
            while (Instant.now().isBefore(giveUp)) {
                Answer day = timed("availability (golfers)", golfer, "GET", path, null, token, address(golfer), null);
                List<String> open = open(day);
                if (day.status() == 200 && open.isEmpty() && Instant.now().isAfter(release.plusSeconds(1))) {
                    return; // the day is gone
                }
                if (open.isEmpty()) {
                    sleepMillis(Instant.now().isBefore(release) ? 1000 : 250);
                    continue;
                }
                // Half the golfers want one of the first ten open tee times (the prime ones), half any.
                String start = open.get(random.nextInt(random.nextBoolean() ? Math.min(open.size(), 10) : open.size()));
                String key = UUID.randomUUID().toString();
                String booking = "{\"start\": \"" + start + "\", \"players\": 2}";
                Answer answer = timed("bookings (golfers)", golfer + 1, "POST", "/api/courses/" + COURSE + "/bookings",
                        booking, token, address(golfer), key);
                if (answer.status() == CLOSED) {
                    // A browser sends a request again when its connection closes without an answer
                    // (RFC 9112 9.3.1); the key makes that safe. Counted apart.
                    resent.incrementAndGet();
                    answer = timed("bookings (golfers), sent again", golfer + 1, "POST",
                            "/api/courses/" + COURSE + "/bookings", booking, token, address(golfer), key);
                }
                if (answer.status() == 201) {
                    booked.add(Instant.now());
                    return;
                }
                String slug = answer.json() == null ? "" : answer.json().path("type").asText();
                if (slug.endsWith("/limit-reached")) {
                    return;
                }
                if (answer.status() == 429 || answer.status() == 503) {
                    sleepMillis(1000L * Math.max(1, parse(answer.retryAfter())));
                }
            }
        } catch (Exception e) {
            System.err.println("golfer " + golfer + ": " + e);
        }
    }

    /** As fast as it can: availability, then a booking of the first open tee time, from one address. */
    private void bot(int bot, LocalDate saturday) {
        String path = "/api/courses/" + COURSE + "/availability?from=" + saturday + "&players=4";
        int n = 0;
        while (!over.get()) {
            try {
                Answer day = timed("availability (bots)", bot, "GET", path, null, null, BOT_ADDRESS, null);
                List<String> open = open(day);
                if (!open.isEmpty()) {
                    Answer answer = timed("bookings (bots)", bot + 1, "POST", "/api/courses/" + COURSE + "/bookings",
                            "{\"start\": \"" + open.getFirst() + "\", \"players\": 4, \"name\": \"Bot\", \"email\": \"bot"
                                    + bot + "-" + n++ + "@bots.test\"}", null, BOT_ADDRESS, null);
                    if (answer.status() == 201) {
                        booked.add(Instant.now());
                    }
                }
            } catch (Exception e) {
                sleepMillis(10);
            }
        }
    }

    private static List<String> open(Answer day) {
        List<String> open = new ArrayList<>();
        if (day.status() == 200) {
            for (JsonNode teeTime : day.json().path("days").path(0).path("teeTimes")) {
                if (teeTime.path("status").asText().equals("open")) {
                    open.add(teeTime.path("start").asText());
                }
            }
        }
        return open;
    }

    private void report(LocalDate saturday, Instant release) throws Exception {
        JsonNode bookings = send(0, "GET", "/api/courses/" + COURSE + "/bookings?date=" + saturday, null, adminToken,
                "127.0.0.1", null).json();
        Map<String, Integer> players = new HashMap<>();
        Map<String, Integer> perBooker = new HashMap<>();
        int total = 0;
        int byBots = 0;
        for (JsonNode booking : bookings) {
            if (!booking.path("status").asText().equals("confirmed")) {
                continue;
            }
            total++;
            players.merge(booking.path("start").asText(), booking.path("players").asInt(), Integer::sum);
            String email = booking.path("email").asText();
            if (email.endsWith("@bots.test")) {
                byBots++;
            } else {
                perBooker.merge(email, 1, Integer::sum);
            }
        }
        long overbooked = players.values().stream().filter(p -> p > 4).count();
        long overLimit = perBooker.values().stream().filter(n -> n > 1).count();
        Answer after = send(1, "GET", "/api/courses/" + COURSE + "/availability?from=" + saturday + "&players=1", null,
                null, "127.0.0.1", null);
        int teeTimes = after.json().path("days").path(0).path("teeTimes").size();
        long stillOpen = open(after).size();
        List<Instant> times = new ArrayList<>(booked);
        Collections.sort(times);
        double takenSeconds = times.isEmpty() ? 0 : Duration.between(release, times.getLast()).toMillis() / 1000.0;
        System.out.println();
        System.out.printf("tee times %d, still open %d; every tee time taken %.2f s after the release%n", teeTimes,
                stillOpen, takenSeconds);
        System.out.printf("bookings %d in %.2f s: %.0f bookings/s%n", times.size(), takenSeconds,
                takenSeconds > 0 ? times.size() / takenSeconds : 0);
        System.out.printf("overbooked tee times %d; golfers over their limit %d; bots' tee times %d of %d (%.0f%%)%n",
                overbooked, overLimit, byBots, total, total == 0 ? 0 : 100.0 * byBots / total);
        System.out.printf("%-22s %8s %9s %9s %9s   %s%n", "requests", "count", "p50 ms", "p99 ms", "max ms", "by status");
        new TreeMap<>(samples).forEach((name, s) -> System.out.println(s.line(name)));
        System.out.printf("closed connections (status 0 above) %d; keyed bookings sent again after one %d%n",
                closed.size(), resent.get());
        closed.forEach(line -> System.out.println("  closed: " + line));
        // One line for bench/release's table of runs.
        Samples golferBookings = samples.getOrDefault("bookings (golfers)", new Samples());
        Samples golferDays = samples.getOrDefault("availability (golfers)", new Samples());
        Map<Integer, Long> bots = new TreeMap<>();
        samples.forEach((name, s) -> {
            if (name.contains("(bots)")) {
                s.byStatus().forEach((status, n) -> bots.merge(status, n, Long::sum));
            }
        });
        System.out.printf("row taken=%.2f bookings=%d overbooked=%d overlimit=%d closed=%d resent=%d "
                        + "golfers_availability=%s golfers_bookings=%s bots=%s "
                        + "bookings_p50=%.0f bookings_p99=%.0f availability_p50=%.0f availability_p99=%.0f%n",
                takenSeconds, total, overbooked, overLimit, closed.size(), resent.get(),
                compact(golferDays.byStatus()), compact(merged(golferBookings, "bookings (golfers), sent again")),
                compact(bots), golferBookings.percentile(0.50), golferBookings.percentile(0.99),
                golferDays.percentile(0.50), golferDays.percentile(0.99));
    }

    private Map<Integer, Long> merged(Samples first, String other) {
        Map<Integer, Long> all = new TreeMap<>(first.byStatus());
        samples.getOrDefault(other, new Samples()).byStatus().forEach((status, n) -> all.merge(status, n, Long::sum));
        return all;
    }

    /** {200=5, 409=3} as "200:5,409:3": one token for the table. */
    private static String compact(Map<Integer, Long> byStatus) {
        StringBuilder text = new StringBuilder();
        byStatus.forEach((status, n) -> text.append(text.isEmpty() ? "" : ",").append(status).append(':').append(n));
        return text.isEmpty() ? "-" : text.toString();
    }

    /** Books on one instance (as staff, a week later) and times until the other's availability shows it. */
    private void visibilityAcrossInstances(LocalDate day) throws Exception {
        List<Double> lags = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String start = day + "T" + String.format("%02d:%02d:00Z", 7 + i / 6, i % 6 * 10);
            Answer made = send(0, "POST", "/api/courses/" + COURSE + "/bookings",
                    "{\"start\": \"" + start + "\", \"players\": 1, \"name\": \"Probe\"}", adminToken, "127.0.0.1", null);
            long at = System.nanoTime();
            if (made.status() != 201) {
                System.out.println("probe booking: " + made.status() + " " + made.json());
                return;
            }
            while (true) {
                Answer seen = send(1, "GET", "/api/courses/" + COURSE + "/availability?from=" + day, null, null,
                        "127.0.0.1", null);
                boolean shows = false;
                for (JsonNode teeTime : seen.json().path("days").path(0).path("teeTimes")) {
                    if (Instant.parse(teeTime.path("start").asText().replace("+00:00", "Z")).equals(Instant.parse(start))
                            && teeTime.path("booked").asInt() >= 1) {
                        shows = true;
                    }
                }
                if (shows) {
                    break;
                }
                sleepMillis(2);
            }
            lags.add((System.nanoTime() - at) / 1e6);
        }
        Collections.sort(lags);
        System.out.printf("the other instance shows a booking after: p50 %.1f ms, max %.1f ms (10 probes)%n",
                lags.get(lags.size() / 2), lags.getLast());
    }

    /**
     * One request, timed and counted by its answer's status; a connection closed without an answer
     * is counted as status 0, with how long after sending it closed (about 0 ms: a kept-alive
     * connection the server had closed; about the deadline: the server gave up on it).
     */
    private Answer timed(String what, int instance, String method, String path, String body, String token,
                         String address, String key) throws Exception {
        long start = System.nanoTime();
        Answer answer;
        try {
            answer = send(instance, method, path, body, token, address, key);
        } catch (IOException e) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            closed.add(String.format("%s after %d ms: %s", what, millis, e.getMessage()));
            answer = new Answer(CLOSED, null, null);
        }
        samples.computeIfAbsent(what, w -> new Samples()).add(answer.status(), System.nanoTime() - start);
        return answer;
    }

    private Answer send(int instance, String method, String path, String body, String token, String address,
                        String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(urls[instance % 2] + path))
                .timeout(Duration.ofSeconds(30)).header("X-Forwarded-For", address)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode json = response.body().length == 0 ? null : Json.mapper().readTree(response.body());
        return new Answer(response.statusCode(), json, response.headers().firstValue("Retry-After").orElse(null));
    }

    /** Golfer n's own address: 10.x.y.z. */
    private static String address(int golfer) {
        return "10." + (golfer >> 16 & 255) + "." + (golfer >> 8 & 255) + "." + (golfer & 255);
    }

    private static long parse(String seconds) {
        try {
            return seconds == null ? 1 : Long.parseLong(seconds);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static void sleepUntil(Instant instant) {
        sleepMillis(Math.max(0, Duration.between(Instant.now(), instant).toMillis()));
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
