package dev.fairway.email;

import java.io.PrintStream;

/**
 * The local-trial mode ({@code FAIRWAY_SMTP_URL=console}), the habit of Django's console backend
 * and Laravel's log mailer: each email is printed to standard output instead of sent, so that a
 * golfer's sign-in code can be read where Fairway runs. Standard output, not the log: the log never
 * holds a code. Off unless asked for; never for a course with real golfers.
 */
public final class ConsoleSender implements MailSender {

    private final PrintStream out;
    private final String from;

    public ConsoleSender(PrintStream out, String from) {
        this.out = out;
        this.from = from;
    }

    @Override
    public synchronized void send(OutgoingEmail email) {
        StringBuilder printed = new StringBuilder()
                .append("----- email (FAIRWAY_SMTP_URL=console: printed, not sent) -----\n")
                .append("From: ").append(from).append('\n')
                .append("To: ").append(email.to()).append('\n')
                .append("Subject: ").append(email.subject()).append('\n')
                .append('\n').append(email.text().strip()).append('\n');
        if (email.calendar() != null) {
            printed.append("[attached: tee-time.ics]\n");
        }
        out.print(printed.append("----- end of email -----\n"));
        out.flush();
    }
}
