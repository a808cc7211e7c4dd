package dev.fairway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signs golfers in through the real flow: the code is read from the email the outbox holds for them. */
public final class SignIns {

    private static final Pattern CODE = Pattern.compile("(?m)^([0-9]{6})$");

    private SignIns() {
    }

    /** Asks for a code for {@code email} and returns it, read from its email. */
    public static String requestCode(TestApi api, String email) {
        assertThat(api.http.post("/api/sign-in", "{\"email\": \"" + email + "\"}").status()).isEqualTo(202);
        return newestCode(api, email);
    }

    /** The code of the newest sign-in email to {@code email}. */
    public static String newestCode(TestApi api, String email) {
        List<String> texts = api.db.strings("select body_text from email where kind = 'sign-in' and lower(recipient) = lower(?) "
                + "order by created_at desc, id limit 1", email);
        assertThat(texts).as("a sign-in email to " + email).hasSize(1);
        Matcher code = CODE.matcher(texts.getFirst());
        assertThat(code.find()).as("a code standing alone in: " + texts.getFirst()).isTrue();
        return code.group(1);
    }

    /** Signs {@code email} in and returns the golfer's token. */
    public static String signIn(TestApi api, String email) {
        String code = requestCode(api, email);
        Http.Answer verified = api.http.post("/api/sign-in/verify",
                "{\"email\": \"" + email + "\", \"code\": \"" + code + "\"}");
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        return verified.json().path("token").asText();
    }

    /** The Authorization header of a golfer's calls. */
    public static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }
}
