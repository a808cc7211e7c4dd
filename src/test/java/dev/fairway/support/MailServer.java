package dev.fairway.support;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A real SMTP server (SubEthaSMTP) on a loopback port, for the tests: it keeps what it is sent,
 * refuses the recipients it is told to refuse with 550, and can be stopped and started again on
 * the same port.
 */
public final class MailServer implements AutoCloseable {

    /** A message as it arrived: its envelope recipient and the message itself. */
    public record Received(String recipient, MimeMessage message) {

        public String messageId() {
            try {
                return message.getMessageID();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final int port;
    private final List<Received> received = new ArrayList<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final Session session = Session.getInstance(new Properties());
    private SMTPServer server;

    private MailServer(int port) {
        this.port = port;
    }

    /** Starts a server on a free port. */
    public static MailServer start() {
        MailServer mail = new MailServer(freePort());
        mail.resume();
        return mail;
    }

    /** Starts a server on {@code port}. */
    public static MailServer startOn(int port) {
        MailServer mail = new MailServer(port);
        mail.resume();
        return mail;
    }

    /** A server on a free port that is not started yet: SMTP is down until {@link #resume}. */
    public static MailServer notStarted() {
        return new MailServer(freePort());
    }

    public int port() {
        return port;
    }

    /** The URL Fairway sends through. */
    public String url() {
        return "smtp://127.0.0.1:" + port;
    }

    /** RCPT TO this address is answered 550 from now on. */
    public void refuse(String address) {
        refused.add(address);
    }

    /** Stops listening: connections are refused until {@link #resume}. */
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public synchronized void resume() {
        if (server == null) {
            server = SMTPServer.port(port).bindAddress(InetAddress.getLoopbackAddress())
                    .messageHandlerFactory(this::handler).build();
            server.start();
        }
    }

    /** Everything received so far. */
    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Waits at most {@code limit} until {@code count} messages have arrived; returns them all. */
    public List<Received> await(int count, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        synchronized (received) {
            while (received.size() < count) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " emails within " + limit + ", got " + received.size());
                }
                received.wait(Math.max(1, left / 1_000_000));
            }
            return List.copyOf(received);
        }
    }

    private MessageHandler handler(MessageContext context) {
        return new MessageHandler() {
            private final List<String> recipients = new ArrayList<>();

            @Override
            public void from(String from) {
            }

            @Override
            public void recipient(String recipient) throws RejectException {
                if (refused.contains(recipient)) {
                    throw new RejectException(550, "5.1.1 mailbox unavailable");
                }
                recipients.add(recipient);
            }

            @Override
            public String data(InputStream data) throws IOException {
                try {
                    MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(data.readAllBytes()));
                    synchronized (received) {
                        recipients.forEach(recipient -> received.add(new Received(recipient, message)));
                        received.notifyAll();
                    }
                } catch (MessagingException e) {
                    throw new IOException(e);
                }
                return null;
            }

            @Override
            public void done() {
            }
        };
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
