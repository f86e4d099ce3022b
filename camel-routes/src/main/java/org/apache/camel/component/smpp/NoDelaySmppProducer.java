package org.apache.camel.component.smpp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.jsmpp.DefaultPDUReader;
import org.jsmpp.DefaultPDUSender;
import org.jsmpp.SynchronizedPDUSender;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.jsmpp.util.DefaultComposer;

/**
 * camel-smpp's producer, with TCP_NODELAY on its socket. camel-smpp opens plain sockets with Nagle's algorithm on:
 * a small submit_sm then waits for the SMSC's acknowledgement of the previous one (up to the 40 ms of a delayed ACK)
 * and several leave together, so a carrier counting its sliding second sees bursts our rate never sent (measured:
 * up to 9 over a 150/s cap). Everything else is camel-smpp's: the session is built as in
 * {@code SmppProducer.createSMPPSession}, which is package-private, hence this package. With SSL or an HTTP proxy
 * configured, camel-smpp's own connection factory is used unchanged.
 */
public class NoDelaySmppProducer extends SmppProducer {

    private final SmppConfiguration configuration;

    public NoDelaySmppProducer(SmppEndpoint endpoint, SmppConfiguration configuration) {
        super(endpoint, configuration);
        this.configuration = configuration;
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
