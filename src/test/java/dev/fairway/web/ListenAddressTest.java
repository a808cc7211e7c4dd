package dev.fairway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.fairway.Service;
import dev.fairway.config.Settings;
import dev.fairway.support.Http;
import dev.fairway.support.TestPostgres;
import dev.fairway.support.TestService;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@code FAIRWAY_HOST}: the service listens where it is told, and its start-up line says where. */
class ListenAddressTest {

    @Test
    void told_127_0_0_1_it_answers_on_loopback_only_and_says_so() throws IOException {
        Optional<InetAddress> external = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
        Settings base = TestService.settings(TestPostgres.newDatabase());
        Settings loopback = base.withHttp(base.http().withHost("127.0.0.1"));
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(lines);
        try (Service service = TestService.startReady(loopback, Clock.systemUTC())) {
            root.detachAppender(lines);
            assertThat(new Http(service.port()).get("/health/live").status()).isEqualTo(200);
            assertThat(lines.list).anySatisfy(line -> assertThat(line.getFormattedMessage())
                    .endsWith("is serving on http://127.0.0.1:" + service.port()));
            assumeThat(external).as("an address of this machine other than loopback").isPresent();
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(external.get(), service.port()), 1000);
                }
            }).as("connecting through " + external.get()).isInstanceOf(IOException.class);
        } finally {
            root.detachAppender(lines);
        }
    }
}
