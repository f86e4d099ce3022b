package io.smsflows.sms.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits request bodies on our API: a declared Content-Length over the limit is refused before anything is read
 * (413), and a chunked body stops at the limit with {@link BodyTooLargeException} (the handlers turn it into a 413
 * and store nothing). Uploads (batches of recipients) have their own, larger limit.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBody;
    private final long maxUpload;
    private final List<String> uploadPaths;

    public RequestSizeLimitFilter(long maxBody, long maxUpload, List<String> uploadPaths) {
        this.maxBody = maxBody;
        this.maxUpload = maxUpload;
        this.uploadPaths = List.copyOf(uploadPaths);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean upload = uploadPaths.stream().anyMatch(path::startsWith);
        long limit = upload ? maxUpload : maxBody;
        String property = upload ? "smsflows.security.rest.max-upload-size" : "smsflows.security.rest.max-body-size";
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Request too large, nothing was stored\","
                    + "\"status\":413,\"detail\":\"" + new BodyTooLargeException(limit, property).getMessage() + "\"}");
            return;
        }
        chain.doFilter(new Limited(request, limit, property), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private final String property;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit, String property) {
            super(request);
            this.limit = limit;
            this.property = property;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit, property);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private final String property;
        private long read;

        CountingStream(ServletInputStream in, long limit, String property) {
            this.in = in;
            this.limit = limit;
            this.property = property;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit, property);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
