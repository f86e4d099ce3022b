package io.smsflows.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smsflows.sms.simulator.SimulatorProperties;
import io.smsflows.sms.simulator.SmscSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load tool (a benchmark, not a test). Starts the app (and, for journeys, the bare engine) as child processes on
 * fresh databases, drives them over REST as a CRM would, and prints what was sustained, from the timestamps the
 * databases recorded: messages/s and parts/s from the first accepted row to the last receipt applied, receipts/s,
 * correlation latency p50/p99/max, the app's CPU time and live heap after the run, lost and duplicated messages.
 *
 * <pre>
 * mvn -B -q -Pbench -DskipTests package
 * java -cp bench/target/benchmarks.jar io.smsflows.bench.load.LoadTool [options] [scenario...]
 *   scenarios: bulk (20,000 single-part), bulk2 (10,000 two-part), stream (100,000 over REST), journeys (app vs bare
 *              engine, then the app at half that rate), latency (a remote SMSC: 300 ms per submit_sm_resp),
 *              simulator (the simulator alone, driven by a raw jSMPP client), carrier (rates against an SMSC
 *              that throttles above its cap per bind: sustained parts/s and the most it saw in a second;
 *              --carrier-runs 1,3 picks runs; --carrier-smsc inapp uses the app's built-in simulator);
 *              default: bulk bulk2 journeys
 *   --db h2|postgres   --messages N   --instances N   --concurrency N   --smsc host:port   --heap 1g
 *   --jvm "-XX:StartFlightRecording=filename=/tmp/app.jfr"   --app.&lt;property&gt; value (passed to the app)
 *   --bare-jvm "..." (JVM options of the bare engine; default: those of --jvm)
 *   --warm-up N (batches of N sent and finished before the measured one; default 20000, none for latency)
 *   --journey-warm-up N (rounds of N instances run before the measured ones, in each engine; default 1000)
 *   warm-up rounds repeat until the JIT compiler took under --jit-settled % (default 10) of the CPU in the last one,
 *   at most --warm-up-rounds times (default 12)
 *   --profile /tmp/bulk.jfr (a JFR profile of the app during the measured batch; journeys: during the half-rate run)
 * </pre>
 */
public final class LoadTool {

    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> options;
    private final Path work;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> report = new ArrayList<>();
    private final AtomicInteger ports = new AtomicInteger(18180);

    private LoadTool(Map<String, String> options) throws IOException {
        this.options = options;
        this.work = Files.createTempDirectory("smsflows-load-");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> scenarios = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                scenarios.add(args[i]);
            }
        }
        if (scenarios.isEmpty()) {
            scenarios = List.of("bulk", "bulk2", "journeys");
        }
        LoadTool tool = new LoadTool(options);
        tool.line("SMS Flows load tool, %s, %d cores, database %s, logs in %s", Instant.now(),
                Runtime.getRuntime().availableProcessors(), tool.opt("db", "h2"), tool.work);
        for (String scenario : scenarios) {
            switch (scenario) {
                case "bulk" -> tool.bulk("bulk: single-part GSM", tool.intOpt("messages", 20_000), 1, List.of(), 20_000);
                case "bulk2" -> tool.bulk("bulk: two-part GSM", tool.intOpt("messages", 20_000) / 2, 2, List.of(),
                        20_000);
                case "stream" -> tool.bulk("bulk: 100,000 streamed over REST", 100_000, 1, List.of(), 20_000);
                case "latency" -> tool.bulk("bulk: remote SMSC, 300 ms per submit_sm_resp, window 50",
                        tool.intOpt("messages", 3_000), 1, List.of("--smsflows.simulator.response-delay=300ms",
                                "--smsflows.smpp.window=50"), 0); // bound by the SMSC's latency, not by CPU
                case "journeys" -> tool.journeys();
                case "carrier" -> tool.carrier();
                case "simulator" -> SimulatorAlone.measure(tool.intOpt("messages", 20_000), tool::line);
                default -> throw new IllegalArgumentException("unknown scenario " + scenario);
            }
        }
        System.out.println();
        tool.report.forEach(System.out::println);
    }

    // ---------------------------------------------------------------------------------------------- scenarios

    private void bulk(String title, int messages, int parts, List<String> extraArgs, int defaultWarmUp)
            throws Exception {
        Database db = database("bulk");
        List<String> args = new ArrayList<>(appArgs(db));
        args.addAll(extraArgs);
        try (AppProcess app = AppProcess.start(appJar(), opt("heap", "1g"), appJvm(), ports.getAndIncrement(), args, work)) {
            String text = parts == 1 ? "Hi {{n}}, -30% today only at SHOP: show this SMS at the till."
                    : "Hi {{n}}, " + "our Black Friday starts now: -30% on everything, free delivery, and a gift for "
                    + "the first 1,000 orders. Show this SMS at the till or order online. Reply STOP to opt out.";
            int warmUp = intOpt("warm-up", defaultWarmUp);
            if (warmUp > 0) {
                // a fresh JVM runs interpreted at first: a sustained rate is measured after the JIT has seen the path
                warmUntilJitSettles(app, () -> awaitBatch(app, postNdjson(app, text, warmUp, "+4915121").get("id")
                        .asText(), Duration.ofMinutes(10)));
            }
            if (options.containsKey("profile")) {
                app.jcmd("JFR.start", "name=load", "settings=profile", "filename=" + options.get("profile"));
            }
            long submitsBefore = simulatorSubmits(app);
            long cpu0 = app.cpuMillis();
            long jit0 = app.jitCpuMillis();
            long t0 = System.currentTimeMillis();
            JsonNode receipt = postNdjson(app, text, messages, "+4915120");
            long accepted = System.currentTimeMillis();
            String id = receipt.get("id").asText();
            JsonNode status = awaitBatch(app, id, Duration.ofMinutes(30));
            long cpu1 = app.cpuMillis();
            long jit1 = app.jitCpuMillis();
            if (options.containsKey("profile")) {
                app.jcmd("JFR.stop", "name=load");
            }
            long end = Instant.parse(status.get("lastDoneAt").asText()).toEpochMilli();
            long first = Instant.parse(status.get("firstSubmittedAt").asText()).toEpochMilli();
            long submits = simulatorSubmits(app) - submitsBefore;
            long[] receiptSpan = db.longs("select count(*), min(r.received_at), max(r.received_at) from sms_receipt r "
                    + "join sms_message m on m.id = r.message_id where m.batch_id = ?", id).get(0);
            long delivered = status.get("delivered").asLong();
            long totalParts = status.get("parts").asLong();
            double seconds = (end - t0) / 1000.0;
            line("");
            line("== %s (%s)", title, opt("db", "h2"));
            line("rows accepted        : %d of %d in %.1f s (%.0f rows/s over REST, NDJSON streamed)",
                    receipt.get("accepted").asLong(), messages, (accepted - t0) / 1000.0, messages * 1000.0 / (accepted - t0));
            line("end to end           : %.1f s from the first row sent to the last receipt applied", seconds);
            line("throughput           : %.0f msg/s, %.0f parts/s end to end; %.0f msg/s from the first submit",
                    delivered / seconds, totalParts / seconds, delivered * 1000.0 / Math.max(1, end - first));
            line("receipts             : %d stored, %.0f receipts/s (first to last stored)", receiptSpan[0],
                    receiptSpan[0] * 1000.0 / Math.max(1, receiptSpan[2] - receiptSpan[1]));
            line("lost / duplicated    : %d not delivered, %d submit_sm beyond the parts (simulator saw %d)",
                    messages - delivered, Math.max(0, submits - totalParts), submits);
            line("app                  : CPU %.1f s over %.1f s (%.0f%% of %d cores; JIT compiler %.1f s of it), "
                            + "live heap after the run %d MB, RSS %d MB",
                    (cpu1 - cpu0) / 1000.0, seconds, 100.0 * (cpu1 - cpu0) / (end - t0)
                            / Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors(),
                    (jit1 - jit0) / 1000.0, app.liveHeapMb(), app.rssMb());
        }
    }

    /**
     * Rates in parts against an SMSC that answers ESME_RTHROTTLED above its cap per bind over a sliding second, side
     * by side: our rate at the cap, no rate at all, three binds, and every 7th submit throttled on top. The SMSC is
     * the simulator running in this tool's JVM, apart from the app as a carrier is (--carrier-smsc inapp: the app's
     * built-in one, which shares the app's CPU and pauses). Each run warms up first, then sends --messages (default
     * 3,000) single-part SMS.
     */
    private void carrier() throws Exception {
        int messages = intOpt("messages", 3_000);
        boolean separate = !"inapp".equals(opt("carrier-smsc", "separate"));
        record Run(String title, int binds, int partsPerSecond, int cap, int throttleEvery) {
        }
        List<Run> runs = List.of(
                new Run("1 bind at 150 parts/s, SMSC capped at 150/s per bind", 1, 150, 150, 0),
                new Run("1 bind without a rate, SMSC capped at 150/s per bind", 1, 0, 150, 0),
                new Run("3 binds at 50 parts/s, SMSC capped at 50/s per bind", 3, 50, 50, 0),
                new Run("1 bind at 150 parts/s, SMSC capped at 150/s, every 7th submit_sm throttled", 1, 150, 150, 7));
        String text = "Hi {{n}}, your parcel arrives today between 10:00 and 12:00.";
        List<String> chosen = List.of(opt("carrier-runs", "1,2,3,4").split(","));
        for (int r = 0; r < runs.size(); r++) {
            Run run = runs.get(r);
            if (!chosen.contains(String.valueOf(r + 1))) {
                continue;
            }
            Database db = database("carrier");
            List<String> args = new ArrayList<>(appArgs(db));
            args.addAll(List.of("--smsflows.smpp.binds=" + run.binds(),
                    "--smsflows.smpp.parts-per-second=" + run.partsPerSecond()));
            SimulatorProperties faults = new SimulatorProperties();
            faults.setPort(0);
            faults.setMaxSubmitsPerSecond(run.cap());
            faults.setThrottleEvery(run.throttleEvery());
            SmscSimulator smsc = separate ? new SmscSimulator(faults) : null;
            if (separate) {
                args.addAll(List.of("--smsflows.smpp.host=127.0.0.1", "--smsflows.smpp.port=" + smsc.port(),
                        "--smsflows.simulator.mode=OFF"));
            } else {
                args.addAll(List.of("--smsflows.simulator.max-submits-per-second=" + run.cap(),
                        "--smsflows.simulator.throttle-every=" + run.throttleEvery()));
            }
            try (AppProcess app = AppProcess.start(appJar(), opt("heap", "1g"), appJvm(), ports.getAndIncrement(),
                    args, work)) {
                awaitBatch(app, postNdjson(app, text, intOpt("warm-up", 1_500), "+4915131").get("id").asText(),
                        Duration.ofMinutes(10));
                Statistics stats = separate ? new Statistics(smsc) : new Statistics(app);
                stats.reset();
                long submits0 = stats.submits();
                String id = postNdjson(app, text, messages, "+4915130").get("id").asText();
                // the submit count over time: the sustained rate is taken between 10% and 90% of the parts
                List<long[]> samples = new ArrayList<>();
                JsonNode status;
                while (true) {
                    samples.add(new long[] {System.nanoTime(), stats.submits() - submits0});
                    status = JSON.readTree(simulator(app, "GET", "/api/sms/batches/" + id));
                    if (status.hasNonNull("doneAt")) {
                        break;
                    }
                    Thread.sleep(100);
                }
                long[] from = samples.stream().filter(x -> x[1] >= messages / 10).findFirst().orElseThrow();
                long[] to = samples.stream().filter(x -> x[1] >= messages * 9L / 10).findFirst().orElseThrow();
                double sustained = (to[1] - from[1]) * 1e9 / Math.max(1, to[0] - from[0]);
                JsonNode seen = stats.seen();
                line("");
                line("== carrier: %s (SMSC %s)", run.title(), separate ? "in its own JVM" : "built into the app");
                line("sustained            : %.1f parts/s accepted (10%% to 90%% of %d parts)", sustained, messages);
                line("SMSC saw             : at most %d submit_sm per bind and %d in total in any sliding second, "
                                + "%d answered ESME_RTHROTTLED, %d binds",
                        seen.get("maxPerSecondPerBind").asInt(), seen.get("maxPerSecond").asInt(),
                        seen.get("throttled").asLong(), seen.get("binds").asInt());
                line("outcome              : %d delivered, %d failed, %d possible duplicates counted",
                        status.get("delivered").asLong(), status.get("failed").asLong(),
                        db.longs("select coalesce(sum(possible_duplicates), 0) from sms_message where batch_id = ?",
                                id).get(0)[0]);
            } finally {
                if (smsc != null) {
                    smsc.close();
                }
            }
        }
    }

    /** The SMSC's counts: from the simulator object, or the app's built-in one over REST. */
    private final class Statistics {
        private final SmscSimulator smsc;
        private final AppProcess app;

        Statistics(SmscSimulator smsc) {
            this.smsc = smsc;
            this.app = null;
        }

        Statistics(AppProcess app) {
            this.smsc = null;
            this.app = app;
        }

        void reset() throws IOException, InterruptedException {
            if (smsc != null) {
                smsc.clearReceived();
            } else {
                simulator(app, "POST", "/api/simulator/statistics/reset");
            }
        }

        long submits() throws IOException, InterruptedException {
            return smsc != null ? smsc.submitCount() : simulatorSubmits(app);
        }

        JsonNode seen() throws IOException, InterruptedException {
            if (smsc == null) {
                return JSON.readTree(simulator(app, "GET", "/api/simulator/submits?limit=1"));
            }
            return JSON.valueToTree(java.util.Map.of("maxPerSecondPerBind", smsc.maxPerSecondPerBind(),
                    "maxPerSecond", smsc.maxPerSecond(), "throttled", smsc.throttledCount(),
                    "binds", smsc.bindCount()));
        }
    }

    private String simulator(AppProcess app, String method, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(app, path)).header("Authorization", AUTH)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return r.body();
    }

    private void journeys() throws Exception {
        int instances = intOpt("instances", 2_000);
        int concurrency = intOpt("concurrency", 32);
        Path bare = Path.of(opt("bare-jar", "bench/bare-engine/target/bare-engine.jar"));
        Result bareResult = null;
        if (Files.exists(bare)) {
            Database db = database("bare");
            try (AppProcess engine = AppProcess.start(bare, opt("heap", "1g"), opt("bare-jvm", opt("jvm", "")), ports.getAndIncrement(),
                    List.of("--spring.datasource.url=" + db.url, "--spring.datasource.username=" + db.user,
                            "--bare.receipt-delay=50ms"), work)) {
                warmUpJourneys(engine, db, "bare-send-and-track", concurrency);
                bareResult = drive(engine, db, "bare-send-and-track", instances, concurrency, 0,
                        "select p.END_TIME_, o.due_at from ACT_HI_PROCINST p join bare_outbox o "
                                + "on o.process_instance_id = p.ID_ where p.BUSINESS_KEY_ like ?");
            }
            report("journeys: bare engine (no SMS work)", bareResult);
        } else {
            line("(no bare engine at %s: build it with -Pbench)", bare);
        }
        Database db = database("journeys");
        Result full;
        try (AppProcess app = AppProcess.start(appJar(), opt("heap", "1g"), appJvm(), ports.getAndIncrement(), appArgs(db), work)) {
            warmUpJourneys(app, db, "send-and-track", concurrency);
            full = drive(app, db, "send-and-track", instances, concurrency, 0, LATENCY_SQL);
            report("journeys: send-and-track in the app, as fast as it goes", full);
            if (bareResult != null) {
                line("app / bare engine    : %.0f%%", 100 * full.throughput / bareResult.throughput);
            }
            double half = full.throughput / 2;
            if (options.containsKey("profile")) {
                app.jcmd("JFR.start", "name=load", "settings=profile", "filename=" + options.get("profile"));
            }
            Result halfRate = drive(app, db, "send-and-track", (int) Math.min(instances, half * 30), concurrency,
                    half, LATENCY_SQL);
            if (options.containsKey("profile")) {
                app.jcmd("JFR.stop", "name=load");
            }
            report(String.format(Locale.ROOT, "journeys: send-and-track at half that rate (%.0f/s)", half), halfRate);
        }
    }

    /**
     * Instances started and finished before the measured ones (--journey-warm-up per round, default 1000): both JVMs
     * compile for minutes after start (the app has more code to compile), and a cold comparison measures the JIT.
     */
    private void warmUpJourneys(AppProcess process, Database db, String processKey, int concurrency) throws Exception {
        int warmUp = intOpt("journey-warm-up", 1_000);
        if (warmUp > 0) {
            warmUntilJitSettles(process, () -> drive(process, db, processKey, warmUp, concurrency, 0, null));
        }
    }

    private interface Round {
        void run() throws Exception;
    }

    /**
     * Repeats a warm-up round until the JIT compiler took under --jit-settled percent (default 10) of the process's
     * CPU in the last round, at most --warm-up-rounds times (default 12). On two cores a JVM this size keeps its one C2
     * thread busy for minutes (compiles, deoptimisations, recompiles) and that CPU is taken from the work measured.
     */
    private void warmUntilJitSettles(AppProcess process, Round round) throws Exception {
        int maxRounds = intOpt("warm-up-rounds", 12);
        double settled = intOpt("jit-settled", 10) / 100.0;
        for (int i = 1; i <= maxRounds; i++) {
            long cpu0 = process.cpuMillis();
            long jit0 = process.jitCpuMillis();
            round.run();
            double share = (process.jitCpuMillis() - jit0) / (double) Math.max(1, process.cpuMillis() - cpu0);
            line("warm-up round %d     : JIT compiler %.0f%% of the CPU", i, 100 * share);
            if (share < settled) {
                return;
            }
        }
    }

    private static final String LATENCY_SQL = "select p.END_TIME_, max(r.received_at) from ACT_HI_PROCINST p "
            + "join sms_message m on m.process_instance_id = p.ID_ join sms_receipt r on r.message_id = m.id "
            + "where p.BUSINESS_KEY_ like ? group by p.ID_, p.END_TIME_";

    private record Result(int instances, int completed, double startsPerSecond, double throughput, long[] latencies,
                          double cpuSeconds, double jitSeconds, double seconds, long heapMb) {
    }

    /** Starts instances over REST (HTTP Basic), paced to {@code rate} per second if positive, and measures them. */
    private Result drive(AppProcess app, Database db, String processKey, int instances, int concurrency, double rate,
                         String latencySql) throws Exception {
        String run = "load-" + System.nanoTime();
        Semaphore inFlight = new Semaphore(concurrency);
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        long cpu0 = app.cpuMillis();
        long jit0 = app.jitCpuMillis();
        long t0 = System.nanoTime();
        for (int i = 0; i < instances; i++) {
            if (rate > 0) {
                long due = t0 + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            inFlight.acquire();
            String body = String.format("{\"businessKey\":\"%s-%d\",\"variables\":{\"to\":{\"value\":\"+4915130%06d\"},"
                    + "\"text\":{\"value\":\"Your appointment tomorrow at 10:00. Reply YES to confirm.\"}}}", run, i, i);
            calls.add(http.sendAsync(HttpRequest.newBuilder(uri(app, "/engine-rest/process-definition/key/"
                            + processKey + "/start")).header("Authorization", AUTH)
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> inFlight.release()));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        long started = System.nanoTime();
        long failed = calls.stream().filter(c -> c.join().statusCode() != 200).count();
        if (failed > 0) {
            line("%d starts failed, e.g. %s", failed, calls.stream().map(CompletableFuture::join)
                    .filter(r -> r.statusCode() != 200).findFirst().map(HttpResponse::body).orElse(""));
        }
        long deadline = System.currentTimeMillis() + 600_000;
        long completed;
        while ((completed = db.count("select count(*) from ACT_HI_PROCINST where BUSINESS_KEY_ like ? "
                + "and END_TIME_ is not null", run + "-%")) < instances && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        long cpu1 = app.cpuMillis();
        long jit1 = app.jitCpuMillis();
        long[] span = db.longs("select min(START_TIME_), max(END_TIME_) from ACT_HI_PROCINST where BUSINESS_KEY_ like ?",
                run + "-%").get(0);
        long[] latencies = latencySql == null ? new long[0] : db.longs(latencySql, run + "-%").stream().mapToLong(r -> r[0] - r[1]).sorted().toArray();
        double seconds = (span[1] - span[0]) / 1000.0;
        return new Result(instances, (int) completed, instances / ((started - t0) / 1e9), completed / seconds,
                latencies, (cpu1 - cpu0) / 1000.0, (jit1 - jit0) / 1000.0, seconds, app.liveHeapMb());
    }

    private void report(String title, Result r) {
        line("");
        line("== %s (%s)", title, opt("db", "h2"));
        line("instances            : %d of %d completed in %.1f s; REST starts %.0f/s (HTTP Basic)", r.completed,
                r.instances, r.seconds, r.startsPerSecond);
        line("throughput           : %.1f instances/s (first start to last end)", r.throughput);
        if (r.latencies.length > 0) {
            line("correlation latency  : p50 %d ms, p99 %d ms, max %d ms (receipt stored -> instance ended, %d samples)",
                    pct(r.latencies, 50), pct(r.latencies, 99), r.latencies[r.latencies.length - 1], r.latencies.length);
        }
        line("process              : CPU %.1f s (%.0f%% of %d cores; JIT compiler %.1f s of it), %.1f ms per instance, "
                        + "live heap after the run %d MB", r.cpuSeconds,
                100 * r.cpuSeconds / r.seconds / Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors(), r.jitSeconds, 1000 * r.cpuSeconds / Math.max(1, r.completed),
                r.heapMb);
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(sorted.length * p / 100.0) - 1))];
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private Database database(String name) throws Exception {
        String unique = name + "_" + System.currentTimeMillis();
        if ("postgres".equals(opt("db", "h2"))) {
            return Database.postgres(opt("pg", "jdbc:postgresql://127.0.0.1:5432/"), opt("pg-user", "postgres"),
                    "smsflows_" + unique);
        }
        return Database.h2(work, unique, opt("h2", ";QUERY_CACHE_SIZE=256"));
    }

    /**
     * The app's JVM options. With --profile, JFR also runs from the start (in memory, last minute only): started
     * later with JFR.start alone, JFR instruments JDK classes in the running JVM, the JIT throws compiled code away
     * and recompiles for tens of seconds, and the profiled run measures that.
     */
    private String appJvm() {
        String jvm = opt("jvm", "");
        return options.containsKey("profile")
                ? (jvm + " -XX:StartFlightRecording=name=boot,settings=profile,maxage=1m").trim() : jvm;
    }

    private List<String> appArgs(Database db) {
        List<String> args = new ArrayList<>(db.appArgs());
        args.addAll(List.of("--spring.profiles.active=demo", "--logging.level.io.smsflows=WARN",
                "--smsflows.simulator.port=0", "--smsflows.simulator.receipt-delay=" + opt("receipt-delay", "50ms"),
                "--smsflows.simulator.recorded=1000",
                // a benchmark runs at any hour: its marketing batches must not wait for the recipients' morning
                "--smsflows.windows.enabled=false",
                // its recipients are generated: the batch asserts their consent (no records to import first)
                "--smsflows.consent.marketing=CRM_ASSERTED",
                // runs send to the same generated numbers again and again: no frequency caps
                "--smsflows.frequency.marketing-per-day=0", "--smsflows.frequency.marketing-per-week=0"));
        if (options.containsKey("smsc")) {
            String[] hostPort = options.get("smsc").split(":");
            args.add("--smsflows.smpp.host=" + hostPort[0]);
            args.add("--smsflows.smpp.port=" + hostPort[1]);
        }
        options.forEach((k, v) -> {
            if (k.startsWith("app.")) {
                args.add("--" + k.substring(4) + "=" + v);
            }
        });
        return args;
    }

    private Path appJar() {
        return Path.of(opt("app-jar", "app/target/sms-flows-app.jar"));
    }

    private JsonNode postNdjson(AppProcess app, String text, int rows, String prefix)
            throws IOException, InterruptedException {
        String header = "{\"category\":\"marketing\",\"sender\":\"SHOP\",\"text\":" + JSON.writeValueAsString(text)
                + ",\"idempotencyKey\":\"load-" + System.nanoTime() + "\"}\n";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(app, "/api/sms/batches"))
                .header("Authorization", AUTH).header("Content-Type", "application/x-ndjson")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new RowStream(header, rows, prefix))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("batch refused: " + r.statusCode() + " " + r.body() + "\n" + app.tail(30));
        }
        return JSON.readTree(r.body());
    }

    private JsonNode awaitBatch(AppProcess app, String id, Duration timeout) throws Exception {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (System.currentTimeMillis() < deadline) {
            JsonNode status = JSON.readTree(http.send(HttpRequest.newBuilder(uri(app, "/api/sms/batches/" + id))
                    .header("Authorization", AUTH).build(), HttpResponse.BodyHandlers.ofString()).body());
            if (status.hasNonNull("doneAt")) {
                return status;
            }
            Thread.sleep(1000); // the end time comes from the database: polling more often only costs the app CPU
        }
        throw new IllegalStateException("batch " + id + " did not end within " + timeout + "\n" + app.tail(30));
    }

    private long simulatorSubmits(AppProcess app) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(app, "/api/simulator/submits?limit=1"))
                .header("Authorization", AUTH).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? JSON.readTree(r.body()).get("total").asLong() : -1;
    }

    private static URI uri(AppProcess app, String path) {
        return URI.create("http://localhost:" + app.port + path);
    }

    private String opt(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private int intOpt(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
    }

    private void line(String format, Object... args) {
        String s = args.length == 0 ? format : String.format(Locale.ROOT, format, args);
        System.out.println(s);
        report.add(s);
    }

    /** NDJSON rows made while they are sent: the tool holds no list of recipients either. */
    private static final class RowStream extends InputStream {
        private final int rows;
        private final String prefix;
        private byte[] current;
        private int pos;
        private int next;

        RowStream(String header, int rows, String prefix) {
            this.rows = rows;
            this.prefix = prefix;
            this.current = header.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            return current[pos++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }

        private boolean fill() {
            while (current == null || pos == current.length) {
                if (next == rows) {
                    return false;
                }
                current = String.format("{\"to\":\"%s%06d\",\"variables\":{\"n\":\"%d\"}}\n", prefix, next, next)
                        .getBytes(StandardCharsets.UTF_8);
                pos = 0;
                next++;
            }
            return true;
        }
    }
}
