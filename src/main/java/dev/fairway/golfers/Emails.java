package dev.fairway.golfers;

import dev.fairway.web.JsonFields;

/** The contract's email fields: at most 254 characters, with an '@' that is not the first. */
final class Emails {

    private Emails() {
    }

    static String required(JsonFields body, String field) {
        String email = body.requiredString(field, 3, 254).strip();
        if (email.indexOf('@') < 1 || email.indexOf('@') == email.length() - 1) {
            throw body.invalid(field, "must be an email address, such as ann@example.com");
        }
        return email;
    }
}
