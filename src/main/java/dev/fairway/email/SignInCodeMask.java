package dev.fairway.email;

import java.util.regex.Pattern;

/**
 * A sign-in email's code is its only secret: whoever reads it signs in as the golfer. It is kept in
 * the outbox only while the email waits to be sent, is read back by no API (the outbox shows it
 * masked), and is masked in the stored text once the email is sent, fails or is called off.
 */
final class SignInCodeMask {

    static final String MASK = "••••••";
    /** The code stands alone on its line (SignInService writes it so). */
    private static final Pattern CODE = Pattern.compile("(?m)^[0-9]{6}$");
    /** The same rule in SQL, for the stored text. */
    static final String SQL = "case when kind = 'sign-in' then regexp_replace(body_text, '^[0-9]{6}$', '" + MASK
            + "', 'gn') else body_text end";

    private SignInCodeMask() {
    }

    static String masked(EmailKind kind, String text) {
        return kind == EmailKind.SIGN_IN && text != null ? CODE.matcher(text).replaceAll(MASK) : text;
    }
}
