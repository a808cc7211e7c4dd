package dev.fairway.golfers;

import dev.fairway.web.JsonFields;

/** The contract's email fields: at most 254 characters, with an '@' that is not the first. */
final class Emails {

    private Emails() {
    }

    static String required(JsonFields body, String field) {
        String email = body.requiredString(field, 3, 254).strip();
        if (!isAddress(email)) {
            throw body.invalid(field, "must be an email address, such as ann@example.com");
        }
        return email;
    }

    /** 3 to 254 characters, storable, with an '@' that is neither the first nor the last. */
    static boolean isAddress(String email) {
        int at = email.indexOf('@');
        return email.length() >= 3 && email.length() <= 254 && at > 0 && at < email.length() - 1
                && JsonFields.storable(email);
    }
}
