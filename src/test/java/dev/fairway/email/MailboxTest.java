package dev.fairway.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailboxTest {

    @Test
    void a_plain_mailbox_is_one_and_compares_in_lower_case() {
        Mailbox mailbox = Mailbox.parse("Ann.Smith+golf@Example.COM").orElseThrow();
        assertThat(mailbox.address()).isEqualTo("Ann.Smith+golf@example.com");
        assertThat(mailbox.key()).isEqualTo("ann.smith+golf@example.com");
        assertThat(Mailbox.parse("o'neil@example.ie")).isPresent();
    }

    @Test
    void an_international_domain_is_kept_in_its_ascii_form() {
        assertThat(Mailbox.parse("zoe@bücher.example").orElseThrow().address()).isEqualTo("zoe@xn--bcher-kva.example");
    }

    /** Each form the probe sent as one booking's or sign-in's email (issue 23), and their kin. */
    @Test
    void anything_an_address_header_can_hold_beyond_one_mailbox_is_refused() {
        String[] refused = {
                "\"x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil@x\r\n\" <victim@b.com>",
                "victim@b.com (\r\nBEGIN:VALARM)",
                "Prize: v1@b.com, v2@b.com, v3@b.com;",
                "\"2\" <me@x.com>",
                "me@x.com (3)",
                "Ann <ann@example.com>",
                "a@b.com, c@d.com",
                "<@route.example:ann@example.com>",
                "\"ann smith\"@example.com",
                "ann@[192.0.2.1]",
                "ann@localhost",
                "ann@example.com\r\nBcc: victim@b.com",
                "ann @example.com",
                "ann@exa mple.com",
                "ann@-example.com",
                "a..b@example.com",
                ".ann@example.com",
                "ann@example..com",
                "@example.com",
                "ann@",
                "annexample.com",
                "ann\u2028@example.com",
                "ann\u0000@example.com",
                "a@" + "e".repeat(250) + ".com",
                "x".repeat(65) + "@example.com",
        };
        for (String text : refused) {
            assertThat(Mailbox.parse(text)).as(text).isEmpty();
        }
    }
}
