package io.smsflows.sms.simulator;

import io.smsflows.sms.codec.EncodedSms;
import io.smsflows.sms.codec.EncodingOptions;
import io.smsflows.sms.codec.SmsEncoder;
import io.smsflows.sms.codec.StandardSmsEncoder;
import io.smsflows.sms.codec.WirePart;
import io.smsflows.sms.number.PhoneNumbers;
import io.smsflows.sms.smpp.SmppTlvs;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.util.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small SMSC for demos and tests, on 127.0.0.1 only: accepts any bind, answers submit_sm with hex message ids,
 * and sends standard delivery receipts (receipted_message_id and message_state TLVs plus the Appendix B text, whose
 * id is written in decimal as some real SMSCs do) after a delay. Mobile-originated messages are injected with
 * {@link #deliverMo}. Behaviour by destination prefix: undeliverable prefixes get UNDELIV receipts, rejected prefixes
 * are refused in submit_sm_resp. Never use it as a real gateway: it sends nothing anywhere.
 */
public class SmscSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmscSimulator.class);
    private static final DateTimeFormatter RECEIPT_DATE = DateTimeFormatter.ofPattern("yyMMddHHmm");
    private static final int ESME_RINVDSTADR = 0x0B;
    private static final int ESME_RTHROTTLED = 0x58;

    /** A submit_sm as the simulator received it: what went on the wire. */
    public record ReceivedSubmit(String messageId, String systemId, String sourceAddr, String destAddr,
                                 byte dataCoding, byte esmClass, byte registeredDelivery, byte[] shortMessage,
                                 Map<Short, byte[]> optionalParameters, long receivedAtMillis) {
    }

    private final SimulatorProperties config;
    private final SMPPServerSessionListener listener;
    private final int port;
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final Deque<ReceivedSubmit> received = new ConcurrentLinkedDeque<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "smsc-simulator-timer");
        t.setDaemon(true);
        return t;
    });
    /** Sends receipts: each thread waits for one deliver_sm_resp, so this is the simulator's window. */
    private final ExecutorService receiptSenders;
    private final AtomicInteger recordedCount = new AtomicInteger();
    private final AtomicLong receiptsSent = new AtomicLong();
    private final AtomicLong ids = new AtomicLong(System.currentTimeMillis() * 1000);
    private final AtomicLong submits = new AtomicLong();
    /** submit_sm being processed now and the most at once: what the ESME had outstanding, as this end sees it. */
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicLong moReferences = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong throttleCounter = new AtomicLong();
    private final AtomicInteger dropCountdown = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    /** submit_sm per bind (session id) in the last second, and the most seen in any second. */
    private final Map<String, SlidingSecond> perBind = new java.util.concurrent.ConcurrentHashMap<>();
    /** Each session's connection, which knows when its submit_sm arrived. */
    private final Map<String, ArrivalStampedConnection> connections = new java.util.concurrent.ConcurrentHashMap<>();
    private final LoopbackFactory factory;
    private final SlidingSecond allBinds = new SlidingSecond();
    private final SmsEncoder encoder;
    private final Thread acceptor;
    private volatile boolean running = true;

    public SmscSimulator(SimulatorProperties config) throws IOException {
        this(config, new StandardSmsEncoder());
    }

    public SmscSimulator(SimulatorProperties config, SmsEncoder encoder) throws IOException {
        this.config = config;
        this.encoder = encoder;
        AtomicInteger n = new AtomicInteger();
        this.receiptSenders = Executors.newFixedThreadPool(Math.max(1, config.getReceiptWindow()), r -> {
            Thread t = new Thread(r, "smsc-simulator-receipts-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.factory = new LoopbackFactory();
        this.listener = new SMPPServerSessionListener(config.getPort(), factory);
        this.listener.setPduProcessorDegree(Math.max(3, config.getPduProcessorDegree()));
        this.listener.setQueueCapacity(Math.max(100, config.getPduProcessorDegree() * 8));
        this.port = factory.boundPort;
        this.dropCountdown.set(config.getDropAfter());
        this.listener.setMessageReceiverListener(new SimulatorReceiver(this));
        this.acceptor = new Thread(this::acceptLoop, "smsc-simulator-accept");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
        LOG.warn("""

                ************************************************************************
                *  SMSC SIMULATOR listening on 127.0.0.1:{}. NO REAL SMS IS SENT.
                *  Messages get simulated receipts. Configure smsflows.smpp.host
                *  (SMSFLOWS_SMPP_HOST) to use a real SMSC.
                ************************************************************************""", port);
    }

    public int port() {
        return port;
    }

    private void acceptLoop() {
        while (running) {
            try {
                SMPPServerSession session = listener.accept();
                ArrivalStampedConnection connection = factory.lastAccepted;
                if (connection != null) {
                    connections.put(session.getSessionId(), connection);
                }
                Thread binder = new Thread(() -> bind(session), "smsc-simulator-bind");
                binder.setDaemon(true);
                binder.start();
            } catch (IOException e) {
                if (running) {
                    LOG.warn("Simulator accept failed: {}", e.toString());
                }
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5_000);
            request.accept(request.getSystemId());
            sessions.add(session);
            session.addSessionStateListener((newState, oldState, source) -> {
                if (newState == SessionState.CLOSED) {
                    sessions.remove(session);
                    connections.remove(session.getSessionId());
                }
            });
            LOG.info("Simulator: {} bound as {}", request.getSystemId(), request.getBindType());
        } catch (Exception e) {
            LOG.warn("Simulator bind failed: {}", e.toString());
            session.unbindAndClose();
        }
    }

    SubmitSmResult onSubmit(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            injectFaults(submit, session);
            return answer(submit, session);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** The configured faults: a dropped connection, a per-bind rate cap, every Nth submit throttled. */
    private void injectFaults(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
        ArrivalStampedConnection connection = connections.get(session.getSessionId());
        long now = connection == null ? System.nanoTime() : connection.arrivalOf(submit.getSequenceNumber());
        int inLastSecond = perBind.computeIfAbsent(session.getSessionId(), k -> new SlidingSecond()).count(now);
        allBinds.count(now);
        if (dropCountdown.get() > 0 && dropCountdown.decrementAndGet() == 0) {
            dropped.incrementAndGet();
            LOG.info("Simulator: dropping the connection of {} instead of answering (fault injected)",
                    session.getSessionId());
            session.close(); // no submit_sm_resp: the ESME never learns whether this part was accepted
            throw new ProcessRequestException("connection dropped", 0x08);
        }
        int cap = config.getMaxSubmitsPerSecond();
        int every = config.getThrottleEvery();
        if ((cap > 0 && inLastSecond > cap) || (every > 0 && throttleCounter.incrementAndGet() % every == 0)) {
            throttled.incrementAndGet();
            throw new ProcessRequestException("throttled", ESME_RTHROTTLED);
        }
    }

    private SubmitSmResult answer(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
        String dest = submit.getDestAddress();
        if (startsWithAny(dest, config.getRejectedPrefixes())) {
            throw new ProcessRequestException("invalid destination address", ESME_RINVDSTADR);
        }
        String id = Long.toHexString(ids.incrementAndGet()).toUpperCase();
        record(new ReceivedSubmit(id, session.getSessionId(), submit.getSourceAddr(), dest, submit.getDataCoding(),
                submit.getEsmClass(), submit.getRegisteredDelivery(), submit.getShortMessage(),
                SmppTlvs.toMap(submit.getOptionalParameters()), System.currentTimeMillis()));
        if ((submit.getRegisteredDelivery() & 0x03) != 0) {
            boolean deliverable = !startsWithAny(dest, config.getUndeliverablePrefixes());
            Runnable once = () -> deliverReceipt(id, submit.getSourceAddr(), dest, deliverable, 0);
            Runnable receipt = config.isDuplicateReceipts() ? () -> {
                once.run();
                once.run();
            } : once;
            if (config.isReceiptBeforeResponse()) {
                receipt.run();
            } else {
                later(receipt, config.getReceiptDelay().toMillis());
            }
        }
        long delay = config.getResponseDelay().toMillis();
        if (delay > 0) {
            try {
                Thread.sleep(delay); // a remote SMSC: the answer takes this long (the bind's window is what helps)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
        } catch (Exception e) {
            throw new ProcessRequestException("bad message id", 0x08);
        }
    }

    private void record(ReceivedSubmit submit) {
        submits.incrementAndGet();
        received.addLast(submit);
        // a counter: the deque's size() walks the whole deque
        if (recordedCount.incrementAndGet() > config.getRecorded() && received.pollFirst() != null) {
            recordedCount.decrementAndGet();
        }
    }

    /** Runs {@code task} on a receipt sender after {@code millis}. */
    private void later(Runnable task, long millis) {
        if (millis <= 0) {
            receiptSenders.execute(task);
        } else {
            scheduler.schedule(() -> receiptSenders.execute(task), millis, TimeUnit.MILLISECONDS);
        }
    }

    private void deliverReceipt(String id, String sender, String handset, boolean delivered, int attempt) {
        SMPPServerSession receiver = receiver();
        if (receiver == null) {
            if (attempt < 600) { // store and forward, as an SMSC does while no receiver is bound
                later(() -> deliverReceipt(id, sender, handset, delivered, attempt + 1), 500);
            }
            return;
        }
        String now = LocalDateTime.now(ZoneOffset.UTC).format(RECEIPT_DATE);
        String text = "id:" + new BigInteger(id, 16) + " sub:001 dlvrd:" + (delivered ? "001" : "000")
                + " submit date:" + now + " done date:" + now + " stat:" + (delivered ? "DELIVRD" : "UNDELIV")
                + " err:" + (delivered ? "000" : "001") + " text:";
        try {
            receiver.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, handset,
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, sender,
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.newInstance((byte) 0),
                    text.getBytes(StandardCharsets.ISO_8859_1),
                    new OptionalParameter.Receipted_message_id(id),
                    new OptionalParameter.Message_state((byte) (delivered ? 2 : 5)));
            receiptsSent.incrementAndGet();
        } catch (Exception e) {
            // refused (the ESME could not store it, or is throttling us) or no answer: deliver it again later
            if (attempt < 20) {
                later(() -> deliverReceipt(id, sender, handset, delivered, attempt + 1), 100L * (attempt + 1));
            } else {
                LOG.warn("Simulator gave up delivering receipt {}: {}", id, e.toString());
            }
        }
    }

    /**
     * Delivers a mobile-originated message to the bound receiver, as a handset would send it.
     *
     * @throws IllegalStateException when no receiver is bound or the receiver refused it
     */
    public void deliverMo(String from, String to, String text) {
        SMPPServerSession receiver = receiver();
        if (receiver == null) {
            throw new IllegalStateException("no ESME is bound as receiver or transceiver to the simulator");
        }
        // as a handset would: GSM 7-bit when it can, UCS-2 otherwise, long texts in UDH-concatenated parts
        EncodedSms encoded = encoder.encode(text, EncodingOptions.defaults().withMaxParts(255),
                (int) (moReferences.incrementAndGet() & 0xFF));
        for (WirePart part : encoded.parts()) {
            try {
                receiver.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                        PhoneNumbers.smppDigits(from), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                        to.startsWith("+") ? to.substring(1) : to, new ESMClass(part.esmClass()), (byte) 0, (byte) 0,
                        new RegisteredDelivery(0), DataCodings.newInstance(part.dataCoding()), part.shortMessage());
            } catch (Exception e) {
                throw new IllegalStateException("the ESME did not accept the message: " + e.getMessage(), e);
            }
        }
    }

    private SMPPServerSession receiver() {
        for (SMPPServerSession s : sessions) {
            SessionState state = s.getSessionState();
            if (state == SessionState.BOUND_RX || state == SessionState.BOUND_TRX) {
                return s;
            }
        }
        return null;
    }

    /** The last submit_sm PDUs received (oldest first), at most 10,000. */
    public List<ReceivedSubmit> received() {
        return new ArrayList<>(received);
    }

    /** Submits received since start. */
    public long submitCount() {
        return submits.get();
    }

    /**
     * The most submit_sm this simulator was answering at the same time since start (or the last
     * {@link #clearReceived()}): with a response delay, the ESME's window as seen from the SMSC.
     */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Receipts the ESME acknowledged since start. */
    public long receiptCount() {
        return receiptsSent.get();
    }

    public void clearReceived() {
        received.clear();
        recordedCount.set(0);
        maxInFlight.set(inFlight.get());
        throttled.set(0);
        perBind.values().forEach(SlidingSecond::resetMax);
        allBinds.resetMax();
    }

    /** submit_sm answered ESME_RTHROTTLED (by the rate cap or the every-Nth fault) since start or clear. */
    public long throttledCount() {
        return throttled.get();
    }

    /** Connections dropped by the {@code dropAfter} fault. */
    public long droppedCount() {
        return dropped.get();
    }

    /** Drops the connection instead of answering the {@code n}th submit_sm from now (0: never). */
    public void dropConnectionAfter(int n) {
        dropCountdown.set(n);
    }

    /** The most submit_sm one bind sent in any sliding second since start or clear (what a carrier's cap sees). */
    public int maxPerSecondPerBind() {
        return perBind.values().stream().mapToInt(SlidingSecond::max).max().orElse(0);
    }

    /** The most submit_sm all binds together sent in any sliding second since start or clear. */
    public int maxPerSecond() {
        return allBinds.max();
    }

    /** Binds currently open. */
    public int bindCount() {
        return sessions.size();
    }

    /** Arrival times of the last second, for a rate cap over a sliding window as carriers count it. */
    private static final class SlidingSecond {
        private final java.util.ArrayDeque<Long> times = new java.util.ArrayDeque<>();
        private int max;

        /** Counts one arrival at {@code now}; returns how many arrived in the second up to and including it. */
        synchronized int count(long now) {
            times.addLast(now);
            while (!times.isEmpty() && times.peekFirst() <= now - 1_000_000_000L) {
                times.pollFirst();
            }
            max = Math.max(max, times.size());
            return times.size();
        }

        synchronized int max() {
            return max;
        }

        synchronized void resetMax() {
            max = 0;
        }
    }

    public boolean hasReceiver() {
        return receiver() != null;
    }

    /** Simulates a lost connection: closes every session (the ESME reconnects). */
    public void dropSessions() {
        sessions.forEach(SMPPServerSession::unbindAndClose);
    }

    private static boolean startsWithAny(String value, List<String> prefixes) {
        String digits = value.startsWith("+") ? value.substring(1) : value;
        return prefixes.stream().anyMatch(p -> !p.isBlank() && digits.startsWith(p));
    }

    @Override
    public void close() {
        running = false;
        sessions.forEach(s -> {
            try {
                s.unbindAndClose();
            } catch (RuntimeException ignored) {
                // closing anyway
            }
        });
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        acceptor.interrupt();
        scheduler.shutdownNow();
        receiptSenders.shutdownNow();
    }

    /** Binds to the loopback interface only; the simulator is never reachable from the network. */
    private static final class LoopbackFactory implements ServerConnectionFactory {
        private int boundPort;
        /** The connection the listener accepted last (one acceptor thread: read right after accept). */
        private volatile ArrivalStampedConnection lastAccepted;

        @Override
        public ServerConnection listen(int port) throws IOException {
            return listen(port, 0, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout) throws IOException {
            return listen(port, timeout, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            ServerSocket socket = new ServerSocket(port, backlog, InetAddress.getLoopbackAddress());
            socket.setSoTimeout(timeout);
            boundPort = socket.getLocalPort();
            return new ServerConnection() {
                @Override
                public org.jsmpp.session.connection.Connection accept() throws IOException {
                    java.net.Socket client = socket.accept();
                    client.setTcpNoDelay(true); // each PDU leaves when written, as an SMSC's should
                    ArrivalStampedConnection accepted = new ArrivalStampedConnection(
                            new org.jsmpp.session.connection.socket.SocketConnection(client));
                    lastAccepted = accepted;
                    return accepted;
                }

                @Override
                public void setSoTimeout(int timeout) throws IOException {
                    socket.setSoTimeout(timeout);
                }

                @Override
                public int getSoTimeout() throws IOException {
                    return socket.getSoTimeout();
                }

                @Override
                public void close() throws IOException {
                    socket.close();
                }
            };
        }
    }
}
