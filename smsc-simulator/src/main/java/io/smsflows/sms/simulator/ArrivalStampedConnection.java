package io.smsflows.sms.simulator;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jsmpp.session.connection.Connection;

/**
 * A connection that notes when each submit_sm arrived on the socket, as a carrier counts its rate: jSMPP hands PDUs
 * to worker threads, and a worker that runs late would otherwise see a burst that never was on the wire.
 */
final class ArrivalStampedConnection implements Connection {

    private static final int SUBMIT_SM = 0x00000004;

    private final Connection delegate;
    private final Map<Integer, Long> arrivals = new ConcurrentHashMap<>();
    private InputStream stamped;

    ArrivalStampedConnection(Connection delegate) {
        this.delegate = delegate;
    }

    /** When the submit_sm with this sequence number arrived (System.nanoTime), or now if unknown. */
    long arrivalOf(int sequenceNumber) {
        Long at = arrivals.remove(sequenceNumber);
        return at != null ? at : System.nanoTime();
    }

    @Override
    public synchronized InputStream getInputStream() {
        if (stamped == null) {
            stamped = new Stamping(delegate.getInputStream());
        }
        return stamped;
    }

    /** Follows PDU boundaries (command_length) and stamps each submit_sm when its header is read. */
    private final class Stamping extends FilterInputStream {
        private final byte[] header = new byte[16];
        private int headerRead;
        private long bodyLeft;

        Stamping(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                see(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                see(buffer, offset, n);
            }
            return n;
        }

        private void see(byte[] buffer, int offset, int n) {
            int i = offset;
            int end = offset + n;
            while (i < end) {
                if (headerRead < 16) {
                    header[headerRead++] = buffer[i++];
                    if (headerRead == 16) {
                        int length = readInt(0);
                        if (readInt(4) == SUBMIT_SM) {
                            arrivals.put(readInt(12), System.nanoTime());
                        }
                        bodyLeft = Math.max(0, length - 16L);
                        if (bodyLeft == 0) {
                            headerRead = 0;
                        }
                    }
                } else {
                    long skip = Math.min(bodyLeft, end - i);
                    i += (int) skip;
                    bodyLeft -= skip;
                    if (bodyLeft == 0) {
                        headerRead = 0;
                    }
                }
            }
        }

        private int readInt(int at) {
            return ((header[at] & 0xFF) << 24) | ((header[at + 1] & 0xFF) << 16) | ((header[at + 2] & 0xFF) << 8)
                    | (header[at + 3] & 0xFF);
        }
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public InetAddress getInetAddress() {
        return delegate.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return delegate.getLocalAddress();
    }

    @Override
    public int getPort() {
        return delegate.getPort();
    }

    @Override
    public int getLocalPort() {
        return delegate.getLocalPort();
    }

    @Override
    public OutputStream getOutputStream() {
        return delegate.getOutputStream();
    }

    @Override
    public void setSoTimeout(int timeout) throws IOException {
        delegate.setSoTimeout(timeout);
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
