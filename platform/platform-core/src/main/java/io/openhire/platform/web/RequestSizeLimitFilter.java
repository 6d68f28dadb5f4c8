package io.openhire.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.ToLongFunction;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over a limit with 413 and a problem detail: up front when {@code
 * Content-Length} says so, and while reading when the body is chunked and runs over.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final ToLongFunction<HttpServletRequest> limitFor;

    public RequestSizeLimitFilter(ToLongFunction<HttpServletRequest> limitFor) {
        this.limitFor = limitFor;
    }

    public static RequestSizeLimitFilter of(DataSize limit) {
        long bytes = limit.toBytes();
        return new RequestSizeLimitFilter(request -> bytes);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor.applyAsLong(request);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            // Tell the client not to keep streaming a body we will not read.
            response.setHeader("Connection", "close");
            Problems.write(response, tooLarge(limit));
            return;
        }
        try {
            chain.doFilter(new Limited(request, limit), response);
        } catch (BodyTooLargeException e) {
            response.setHeader("Connection", "close");
            Problems.write(response, tooLarge(limit));
        } catch (ServletException | IOException | RuntimeException e) {
            if (causedByTooLarge(e)) {
                response.setHeader("Connection", "close");
                Problems.write(response, tooLarge(limit));
            } else {
                throw e;
            }
        }
    }

    private static boolean causedByTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private static org.springframework.http.ProblemDetail tooLarge(long limit) {
        return Problems.of(
                HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large",
                "Payload too large",
                "The request body is larger than the " + DataSize.ofBytes(limit).toKilobytes() + " KB allowed here.");
    }

    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("request body too large");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long limit;
        private long count;

        CountingStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) throws BodyTooLargeException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException();
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
