-- Email: what each course's golfers are told, and when.
alter table course
    add column reminder_hours_before integer not null default 24
        constraint course_reminder_hours_range check (reminder_hours_before between 0 and 168),
    add column round_minutes integer not null default 240
        constraint course_round_minutes_range check (round_minutes between 30 and 600);

-- The outbox: an email is a row written in the same statement as what causes it (a booking with
-- its confirmation and reminder, a cancellation with its notice), so if the booking exists its
-- emails will be sent. A booking's emails are written as a reference (kind, booking, recipient)
-- and put into words when they are sent, off the booking's path; other emails carry their text.
-- A worker on any instance claims due rows (FOR UPDATE SKIP LOCKED, then a lease in due_at),
-- sends them, and records the outcome.
create table email (
    -- a booking's emails: <booking id>-confirmed, -reminder, -cancelled (so its reminder is found by key)
    id          text        primary key
                            constraint email_id_length check (char_length(id) between 16 and 64),
    kind        text        not null
                            constraint email_kind check (kind in ('confirmation', 'cancellation', 'reminder', 'sign-in')),
    -- no foreign key: bookings are never deleted, and the check would cost every booking a look-up
    booking_id  text,
    recipient   text        not null
                            constraint email_recipient_format check (char_length(recipient) between 3 and 254
                                                                     and position('@' in recipient) > 1),
    subject     text        constraint email_subject_length check (char_length(subject) between 1 and 300),
    body_text   text,
    calendar    text,
    status      text        not null default 'pending'
                            constraint email_status check (status in ('pending', 'sent', 'failed', 'cancelled')),
    -- when the next try is due: the send time, then a lease while a worker sends it, then the backoff
    due_at      timestamptz not null default now(),
    attempts    integer     not null default 0
                            constraint email_attempts_positive check (attempts >= 0),
    last_error  text,
    created_at  timestamptz not null default now(),
    sent_at     timestamptz,
    constraint email_sent_when_sent check ((status = 'sent') = (sent_at is not null)),
    constraint email_has_words check (booking_id is not null or (subject is not null and body_text is not null))
);
-- Only the first index is written by a booking: the others take a row when it is sent, fails or
-- is called off, off the booking's path (each costs a booking about a tenth of its throughput).
create index email_due on email (due_at) where status = 'pending';
create index email_sent on email (sent_at) where status = 'sent';
create index email_failed on email (created_at) where status = 'failed';
create index email_cancelled on email (created_at) where status = 'cancelled';
