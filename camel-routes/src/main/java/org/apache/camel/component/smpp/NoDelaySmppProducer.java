package org.apache.camel.component.smpp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jsmpp.DefaultPDUReader;
import org.jsmpp.DefaultPDUSender;
import org.jsmpp.SynchronizedPDUSender;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.jsmpp.util.DefaultComposer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * camel-smpp's producer, with TCP_NODELAY on its socket. camel-smpp opens plain sockets with Nagle's algorithm on:
 * a small submit_sm then waits for the SMSC's acknowledgement of the previous one (up to the 40 ms of a delayed ACK)
 * and several leave together, so a carrier counting its sliding second sees bursts our rate never sent (measured:
 * up to 9 over a 150/s cap). Everything else is camel-smpp's: the session is built as in
 * {@code SmppProducer.createSMPPSession}, which is package-private, hence this package. With SSL or an HTTP proxy
 * configured, camel-smpp's own connection factory is used unchanged.
 *
 * <p>An SMSC that cannot be reached when the application starts does not stop the application (camel-smpp's producer
 * fails its start, and with it the Camel context): the bind keeps trying in the background with exponential backoff
 * and jitter, and routing sends to the other carriers meanwhile. Once bound, camel-smpp's own reconnection takes over.
 */
public class NoDelaySmppProducer extends SmppProducer {

    private static final Logger LOG = LoggerFactory.getLogger(NoDelaySmppProducer.class);
    private static final long MAX_RETRY_MILLIS = 30_000;

    private final SmppConfiguration configuration;
    private volatile ScheduledExecutorService retries;
    private volatile boolean stopping;

    public NoDelaySmppProducer(SmppEndpoint endpoint, SmppConfiguration configuration) {
        super(endpoint, configuration);
        this.configuration = configuration;
    }

    @Override
    protected void doStart() throws Exception {
        stopping = false;
        try {
            super.doStart();
        } catch (Exception e) {
            LOG.warn("Cannot bind to {} now ({}); retrying in the background, other carriers take its messages",
                    getEndpoint().getConnectionString(), e.getMessage());
            retries = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(this, "smpp-bind-retry");
            scheduleRetry(1);
        }
    }

    private void scheduleRetry(int attempt) {
        long base = Math.max(100, configuration.getReconnectDelay());
        long cap = Math.max(base, Math.min(MAX_RETRY_MILLIS, base * 32));
        long delay = Math.min(cap, base << Math.min(20, attempt - 1));
        // jitter: binds of several nodes that lost the same SMSC do not all come back in the same millisecond
        long jittered = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
        retries.schedule(() -> {
            if (stopping) {
                return;
            }
            try {
                super.doStart();
                LOG.info("Bound to {} after {} attempt(s)", getEndpoint().getConnectionString(), attempt + 1);
                retries.shutdown();
            } catch (Exception e) {
                LOG.debug("Still cannot bind to {}: {}", getEndpoint().getConnectionString(), e.getMessage());
                scheduleRetry(attempt + 1);
            }
        }, jittered, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() throws Exception {
        stopping = true;
        if (retries != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(retries);
        }
        super.doStop();
    }

    @Override
    SMPPSession createSMPPSession() {
        return new SMPPSession(new SynchronizedPDUSender(new DefaultPDUSender(new DefaultComposer())),
                new DefaultPDUReader(), connections());
    }

    private ConnectionFactory connections() {
        if (configuration.isUsingSSL() || configuration.getHttpProxyHost() != null) {
            return SmppConnectionFactory.getInstance(configuration);
        }
        return new ConnectionFactory() {
            @Override
            public Connection createConnection(String host, int port) throws IOException {
                Socket socket = new Socket();
                try {
                    socket.setTcpNoDelay(true);
                    socket.connect(new InetSocketAddress(host, port), configuration.getEnquireLinkTimer());
                    return new SocketConnection(socket);
                } catch (IOException e) {
                    socket.close();
                    throw e;
                }
            }
        };
    }
}
