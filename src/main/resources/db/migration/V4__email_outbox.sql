-- Email: what each course's golfers are told, and when.
alter table course
    add column reminder_hours_before integer not null default 24
        constraint course_reminder_hours_range check (reminder_hours_before between 0 and 168),
    add column round_minutes integer not null default 240
        constraint course_round_minutes_range check (round_minutes between 30 and 600);

-- The outbox: an email is a row written in the same transaction as what causes it (a booking with
-- its confirmation, a cancellation with its notice), so if the booking exists its email will be
-- sent. A worker on any instance claims due rows (FOR UPDATE SKIP LOCKED, then a lease in
-- due_at), sends them, and records the outcome.
create table email (
    id          text        primary key
                            constraint email_id_format check (id ~ '^[A-Za-z0-9_-]{16,64}$'),
    kind        text        not null
                            constraint email_kind check (kind in ('confirmation', 'cancellation', 'reminder', 'sign-in')),
    booking_id  text        references booking (id),
    recipient   text        not null
                            constraint email_recipient_format check (char_length(recipient) between 3 and 254
                                                                     and position('@' in recipient) > 1),
    subject     text        not null
                            constraint email_subject_length check (char_length(subject) between 1 and 300),
    body_text   text        not null,
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
    constraint email_sent_when_sent check ((status = 'sent') = (sent_at is not null))
);
create index email_due on email (due_at) where status = 'pending';
create index email_failed on email (created_at) where status = 'failed';
create index email_booking on email (booking_id);
create index email_status_created on email (status, created_at desc);
