-- Part 3's staff's day: bookings are checked in or marked no-shows (both still hold their spots),
-- carry the staff's notes, and count the revisions of their calendar entry; a change of tee time
-- or players is emailed with the entry's next revision.
alter table booking drop constraint booking_status_known;
alter table booking
    add constraint booking_status_known check (status in ('confirmed', 'cancelled', 'checked-in', 'no-show')),
    add column notes    text
                        constraint booking_notes_length check (char_length(notes) <= 500),
    add column sequence integer not null default 0
                        constraint booking_sequence_not_negative check (sequence >= 0);

-- The booker's limits count every booking that holds spots, checked in and no-shows too.
drop index booking_booker;
create index booking_booker on booking (course_id, booker, starts_at) where status <> 'cancelled' and booker is not null;
-- A booker's no-shows, read by every booking at a course with a no-show policy.
create index booking_no_shows on booking (course_id, booker, starts_at) where status = 'no-show';

alter table email drop constraint email_kind;
alter table email add constraint email_kind
    check (kind in ('confirmation', 'cancellation', 'reminder', 'sign-in', 'change'));
