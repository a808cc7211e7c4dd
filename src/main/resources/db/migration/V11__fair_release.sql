-- Part 3's fair release (docs/architecture.md, "Fair release"): a class whose days open by a draw
-- takes entries before the release; the draw's seed is fixed when the first entry or reader asks
-- (never before entries open), only its SHA-256 shown until the draw is done; the draw books the
-- entries in the order of HMAC-SHA256(seed, entry id), each entry's outcome in the transaction
-- that books it.
create table draw (
    course_id     text        not null references course (id),
    booking_class text        not null,
    date          date        not null,
    draw_at       timestamptz not null,
    seed          bytea       not null
                              constraint draw_seed_length check (length(seed) = 32),
    seed_sha256   text        not null
                              constraint draw_seed_hash_format check (seed_sha256 ~ '^[0-9a-f]{64}$'),
    status        text        not null default 'open'
                              constraint draw_status_known check (status in ('open', 'done')),
    done_at       timestamptz,
    created_at    timestamptz not null,
    primary key (course_id, booking_class, date),
    constraint draw_done_when check ((status = 'done') = (done_at is not null))
);
-- The draws due and not yet done, found by every instance's pass.
create index draw_due on draw (draw_at) where status = 'open';

create table draw_entry (
    id            text        primary key
                              constraint draw_entry_id_format check (id ~ '^[A-Za-z0-9_-]{22,64}$'),
    course_id     text        not null,
    booking_class text        not null,
    date          date        not null,
    golfer_id     text        not null references golfer (id),
    booker        text        not null,
    players       integer     not null
                              constraint draw_entry_players_range check (players between 1 and 100),
    holes         smallint    not null
                              constraint draw_entry_holes_range check (holes in (9, 18)),
    preferences   jsonb       not null
                              constraint draw_entry_preferences_array check (jsonb_typeof(preferences) = 'array'),
    status        text        not null default 'entered'
                              constraint draw_entry_status_known check (status in ('entered', 'withdrawn')),
    position      integer,
    outcome       text
                              constraint draw_entry_outcome_known check (outcome in ('won', 'lost')),
    booking_id    text        references booking (id),
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    foreign key (course_id, booking_class, date) references draw (course_id, booking_class, date),
    constraint draw_entry_won_has_booking check ((outcome = 'won') = (booking_id is not null))
);
-- One entry per golfer and date at a course.
create unique index draw_entry_one_per_golfer on draw_entry (course_id, date, golfer_id) where status = 'entered';
create index draw_entry_of_draw on draw_entry (course_id, booking_class, date) where status = 'entered';
create index draw_entry_of_golfer on draw_entry (golfer_id);
create index draw_entry_booking on draw_entry (booking_id) where booking_id is not null;

alter table email drop constraint email_kind;
alter table email add constraint email_kind
    check (kind in ('confirmation', 'cancellation', 'reminder', 'sign-in', 'change', 'offer', 'draw'));
