package io.smsflows.bench.load;

import io.smsflows.sms.simulator.SimulatorProperties;
import io.smsflows.sms.simulator.SmscSimulator;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;

/**
 * The simulator alone, driven by a raw jSMPP client with the same window the app uses: how many submit_sm and
 * receipts it handles on this machine, so we know it is not what limits the app's figures.
 */
final class SimulatorAlone {

    private SimulatorAlone() {
    }

    static void measure(int messages, BiConsumer<String, Object[]> out) throws Exception {
        SimulatorProperties config = new SimulatorProperties();
        config.setPort(0);
        config.setReceiptDelay(Duration.ofMillis(50));
        config.setRecorded(1000);
        int window = 50;
        try (SmscSimulator simulator = new SmscSimulator(config)) {
            SMPPSession session = new SMPPSession();
            session.setPduProcessorDegree(32);
            // jSMPP's default 100 overflows at this rate: it then answers deliver_sm with a bare header the
            // simulator's jSMPP cannot parse (ArrayIndexOutOfBounds in deliverSmResp), which is noise, not load
            session.setQueueCapacity(1000);
            AtomicLong receipts = new AtomicLong();
            CountDownLatch allReceipts = new CountDownLatch(messages);
            session.setMessageReceiverListener(new MessageReceiverListener() {
                @Override
                public void onAcceptDeliverSm(org.jsmpp.bean.DeliverSm deliverSm) {
                    receipts.incrementAndGet();
                    allReceipts.countDown();
                }

                @Override
                public void onAcceptAlertNotification(org.jsmpp.bean.AlertNotification alertNotification) {
                }

                @Override
                public org.jsmpp.session.DataSmResult onAcceptDataSm(org.jsmpp.bean.DataSm dataSm,
                                                                      org.jsmpp.session.Session source) {
                    return null;
                }
            });
            session.connectAndBind("127.0.0.1", simulator.port(), new BindParameter(BindType.BIND_TRX, "load",
                    "", "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
            ExecutorService pool = Executors.newFixedThreadPool(window);
            AtomicInteger next = new AtomicInteger();
            long t0 = System.nanoTime();
            for (int t = 0; t < window; t++) {
                pool.execute(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < messages) {
                        try {
                            session.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
                                    "SHOP", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                                    String.format("4915120%07d", i), new ESMClass(), (byte) 0, (byte) 1, null, null,
                                    new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                                    DataCodings.ZERO, (byte) 0, "Hi, -30% today only".getBytes());
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.MINUTES);
            long submitted = System.nanoTime();
            allReceipts.await(10, TimeUnit.MINUTES);
            long done = System.nanoTime();
            session.unbindAndClose();
            out.accept("", new Object[0]);
            out.accept("== simulator alone (raw jSMPP client, window %d, in one JVM)", new Object[] {window});
            out.accept("submit_sm            : %d in %.1f s = %.0f/s", new Object[] {messages, (submitted - t0) / 1e9,
                messages / ((submitted - t0) / 1e9)});
            out.accept("receipts             : %d received, last after %.1f s = %.0f/s end to end",
                    new Object[] {receipts.get(), (done - t0) / 1e9, receipts.get() / ((done - t0) / 1e9)});
        }
    }
}
