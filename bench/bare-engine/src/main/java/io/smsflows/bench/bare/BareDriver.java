package io.smsflows.bench.bare;

import java.lang.management.ManagementFactory;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Optional in-process load ({@code bare.driver.instances > 0}): starts the instances through the Java API from
 * {@code bare.driver.threads} threads, waits until all have ended and logs the throughput from the first start to
 * the last end.
 */
@Component
public class BareDriver {

    private static final Logger LOG = LoggerFactory.getLogger(BareDriver.class);
    static final String PROCESS = "bare-send-and-track";
    static final String TEXT = "Your appointment tomorrow at 10:00. Reply YES to confirm.";
    private static final long STALL_MS = 60_000;

    private final ProcessEngine engine;
    private final BareReceipts receipts;
    private final JdbcTemplate jdbc;
    private final ApplicationContext context;
    private final int instances;
    private final int threads;
    private final boolean exit;

    public BareDriver(ProcessEngine engine, BareReceipts receipts, JdbcTemplate jdbc, ApplicationContext context,
                      @Value("${bare.driver.instances:0}") int instances, @Value("${bare.driver.threads:8}") int threads,
                      @Value("${bare.driver.exit:false}") boolean exit) {
        this.engine = engine;
        this.receipts = receipts;
        this.jdbc = jdbc;
        this.context = context;
        this.instances = instances;
        this.threads = threads;
        this.exit = exit;
    }

    /** Own thread: the job executor also starts on ApplicationReadyEvent and must not wait for this listener. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (instances > 0) {
            new Thread(this::run, "bare-driver").start();
        }
    }

    private void run() {
        HistoryLevel level = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel();
        RuntimeService runtime = engine.getRuntimeService();
        long runningBefore = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).count();
        Date started = new Date();
        long cpuStarted = cpuNanos();
        try {
            startAll(runtime);
            long startsMs = System.currentTimeMillis() - started.getTime();
            long endedAt = level == HistoryLevel.HISTORY_LEVEL_NONE
                    ? waitRuntime(runtime, runningBefore) : waitHistory(engine.getHistoryService(), started);
            long ms = Math.max(1, endedAt - started.getTime());
            double cpuMsPerInstance = (cpuNanos() - cpuStarted) / 1e6 / instances;
            LOG.info(String.format(Locale.ROOT,
                    "BARE DRIVER: %d instances in %d ms = %.1f instances/s (java api, history %s)",
                    instances, ms, instances * 1000.0 / ms, level.getName()));
            // CPU per instance: less sensitive than instances/s to other processes on a shared machine
            LOG.info(String.format(Locale.ROOT, "BARE DRIVER: JVM CPU %.1f ms/instance; starts took %d ms; receipts "
                    + "correlated %d, retried %d; H2 TASK_ID_ selectivity now %s", cpuMsPerInstance, startsMs,
                    receipts.correlated(), receipts.retried(), selectivity()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("BARE DRIVER failed: {}", e.toString());
        }
        if (exit) {
            System.exit(SpringApplication.exit(context));
        }
    }

    /** The variables a REST client gives: to and text. */
    private void startAll(RuntimeService runtime) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < instances; i = next.getAndIncrement()) {
                    runtime.startProcessInstanceByKey(PROCESS,
                            Map.of("to", String.format("+491510%07d", i + 1), "text", TEXT));
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
    }

    /** @return the end time of the last instance; instances started over REST meanwhile count as well */
    private long waitHistory(HistoryService history, Date started) throws InterruptedException {
        HistoricProcessInstanceQuery ended = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(PROCESS).startedAfter(new Date(started.getTime() - 1)).finished();
        long count = 0;
        long progressAt = System.currentTimeMillis();
        while (count < instances) {
            Thread.sleep(200);
            long now = ended.count();
            if (now > count) {
                count = now;
                progressAt = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - progressAt > STALL_MS) {
                throw new IllegalStateException("only " + count + " of " + instances + " instances ended; "
                        + "no progress for " + STALL_MS / 1000 + " s (incidents?)");
            }
        }
        return ended.orderByProcessInstanceEndTime().desc().listPage(0, 1).get(0).getEndTime().getTime();
    }

    /** History none records no end: wait until no more instances run than before. */
    private long waitRuntime(RuntimeService runtime, long runningBefore) throws InterruptedException {
        while (runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).count() > runningBefore) {
            Thread.sleep(100);
        }
        return System.currentTimeMillis();
    }

    /** CPU time of the whole JVM (all threads, GC and JIT included). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private Object selectivity() {
        try {
            return H2Tuning.selectivity(jdbc);
        } catch (RuntimeException e) {
            return "n/a";
        }
    }
}
