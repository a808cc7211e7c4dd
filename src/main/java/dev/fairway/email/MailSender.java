package dev.fairway.email;

/** Hands an email to an SMTP server. */
@FunctionalInterface
public interface MailSender extends AutoCloseable {

    /** Returns once the server has taken the email; throws when it did not. */
    void send(OutgoingEmail email) throws DeliveryFailure;

    /** Lets go of any connection kept open. */
    @Override
    default void close() {
    }
}
