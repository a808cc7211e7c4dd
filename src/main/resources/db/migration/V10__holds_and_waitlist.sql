-- Part 3's holds and waitlist (docs/architecture.md, "Slots", "Holds"): a hold takes its
-- players into tee_time.held on its one or two slots until it is confirmed, released or swept;
-- it is live only while status = 'held' and expires_at is still ahead, so it lapses with no job.
create table hold (
    id               text        primary key
                                 constraint hold_id_format check (id ~ '^[A-Za-z0-9_-]{22,64}$'),
    course_id        text        not null references course (id),
    tee              text        not null,
    starts_at        timestamptz not null,
    holes            smallint    not null
                                 constraint hold_holes_range check (holes in (9, 18)),
    turn_tee         text,
    turn_starts_at   timestamptz,
    players          integer     not null
                                 constraint hold_players_range check (players between 1 and 100),
    golfer_id        text        references golfer (id),
    booker           text        not null,
    email            text,
    price_per_player numeric
                                 constraint hold_price_not_negative check (price_per_player is null or price_per_player >= 0),
    status           text        not null default 'held'
                                 constraint hold_status_known check (status in ('held', 'confirmed', 'released', 'expired')),
    created_at       timestamptz not null,
    expires_at       timestamptz not null,
    booking_id       text        references booking (id),
    constraint hold_turn_whole check ((turn_tee is null) = (turn_starts_at is null)),
    constraint hold_ends_after_it_starts check (expires_at > created_at),
    constraint hold_confirmed_has_booking check ((status = 'confirmed') = (booking_id is not null)),
    constraint hold_start_slot foreign key (course_id, tee, starts_at) references tee_time (course_id, tee, starts_at),
    constraint hold_turn_slot foreign key (course_id, turn_tee, turn_starts_at)
        references tee_time (course_id, tee, starts_at)
);
-- The holds counted in a slot's held, found from either of their slots.
create index hold_on_start_slot on hold (course_id, tee, starts_at) where status = 'held';
create index hold_on_turn_slot on hold (course_id, turn_tee, turn_starts_at) where status = 'held' and turn_tee is not null;
-- A booker's live hold (one per course) and its count toward the limits.
create index hold_of_booker on hold (course_id, booker) where status = 'held';
-- The holds of a booking and of a golfer (foreign keys are indexed).
create index hold_booking on hold (booking_id) where booking_id is not null;
create index hold_golfer on hold (golfer_id) where golfer_id is not null;
-- Lapsed holds still counted in held, swept course by course.
create index hold_lapsing on hold (course_id, expires_at) where status = 'held';

-- A golfer waiting for room in a range of a day's tee times; offered a hold when room appears.
create table waitlist_entry (
    id          text        primary key
                            constraint waitlist_entry_id_format check (id ~ '^[A-Za-z0-9_-]{22,64}$'),
    -- The order entries were made in, as the database saw them: offers follow it (two entries of
    -- one instant, or of instances whose clocks differ, are still in one order).
    seq         bigint      generated always as identity unique,
    course_id   text        not null references course (id),
    golfer_id   text        not null references golfer (id),
    booker      text        not null,
    date        date        not null,
    from_time   time        not null,
    until_time  time        not null,
    players     integer     not null
                            constraint waitlist_entry_players_range check (players between 1 and 100),
    holes       smallint    not null
                            constraint waitlist_entry_holes_range check (holes in (9, 18)),
    status      text        not null default 'waiting'
                            constraint waitlist_entry_status_known
                            check (status in ('waiting', 'offered', 'lapsed', 'booked', 'expired', 'left')),
    hold_id     text        references hold (id),
    created_at  timestamptz not null,
    ended_at    timestamptz,
    constraint waitlist_entry_range check (from_time < until_time),
    constraint waitlist_entry_offer_has_hold check (status <> 'offered' or hold_id is not null)
);
-- What the offer worker reads: the entries still waiting or offered, by course-day, in order.
create index waitlist_entry_open on waitlist_entry (course_id, date, seq)
    where status in ('waiting', 'offered');
create index waitlist_entry_of_golfer on waitlist_entry (golfer_id, seq);
create index waitlist_entry_of_hold on waitlist_entry (hold_id) where hold_id is not null;

alter table email drop constraint email_kind;
alter table email add constraint email_kind
    check (kind in ('confirmation', 'cancellation', 'reminder', 'sign-in', 'change', 'offer'));
