package dev.fairway.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One mailbox, {@code local@domain}, and nothing else an address header can hold: no display
 * name, comment, group, route, quoted local part, address literal or control character. Parsed by
 * Jakarta Mail's strict RFC 822 parser, which must give back exactly the text it was given; then
 * the local part must be a dot-atom and the domain a host name, international ones allowed.
 *
 * <p>Its forms: {@link #address()} is what is stored, shown and sent to (the local part as given,
 * the domain in lower-case ASCII, {@code xn--} for an international one); {@link #key()} is the
 * same wholly in lower case, and is what compares: one golfer, one booker, one rate-limit bucket,
 * one set of limits per key. Local parts are compared without regard to case, as nearly every
 * mail system treats them; dots and {@code +tags} are kept, since only some providers ignore them.
 *
 * @param local  the local part, as given
 * @param domain the domain, lower-case ASCII
 */
public record Mailbox(String local, String domain) {

    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_LENGTH = 64;
    private static final Pattern DOT_ATOM = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern HOST_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /** The mailbox {@code text} names, or empty when it is anything else. */
    public static Optional<Mailbox> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH || !printable(text)) {
            return Optional.empty();
        }
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            return Optional.empty();
        }
        String local = text.substring(0, at);
        Optional<String> domain = hostName(text.substring(at + 1));
        if (local.length() > MAX_LOCAL_LENGTH || !DOT_ATOM.matcher(local).matches() || domain.isEmpty()) {
            return Optional.empty();
        }
        String address = local + "@" + domain.get();
        if (address.length() > MAX_LENGTH || !onlyThisMailbox(address)) {
            return Optional.empty();
        }
        return Optional.of(new Mailbox(local, domain.get()));
    }

    /** {@code local@domain}: what is stored, shown and sent to. */
    public String address() {
        return local + "@" + domain;
    }

    /** The address in lower case: what one golfer, booker, bucket and limit are counted by. */
    public String key() {
        return address().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return address();
    }

    /** No control character, no space, and nothing Unicode calls a line or paragraph separator. */
    private static boolean printable(String text) {
        return text.codePoints().allMatch(c -> c > 0x20 && c != 0x7F && !Character.isISOControl(c)
                && !Character.isWhitespace(c) && Character.getType(c) != Character.LINE_SEPARATOR
                && Character.getType(c) != Character.PARAGRAPH_SEPARATOR && Character.getType(c) != Character.FORMAT
                && Character.getType(c) != Character.SURROGATE);
    }

    /** The domain as lower-case ASCII when it is a host name of two labels or more, else empty. */
    private static Optional<String> hostName(String domain) {
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String[] labels = ascii.split("\\.", -1);
        if (ascii.length() > 253 || labels.length < 2) {
            return Optional.empty();
        }
        for (String label : labels) {
            if (!HOST_LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(ascii);
    }

    /** Jakarta Mail's strict parser reads exactly one plain address, the same text, out of it. */
    private static boolean onlyThisMailbox(String address) {
        try {
            InternetAddress[] parsed = InternetAddress.parse(address, true);
            if (parsed.length != 1) {
                return false;
            }
            InternetAddress only = parsed[0];
            only.validate();
            return !only.isGroup() && only.getPersonal() == null && address.equals(only.getAddress());
        } catch (AddressException e) {
            return false;
        }
    }
}
