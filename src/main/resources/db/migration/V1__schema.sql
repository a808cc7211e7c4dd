-- Fairway's schema. Every invariant a row can hold is a CHECK here, so a bug in the service
-- cannot store what the contract forbids; every foreign key has an index (see ForeignKeyIndexTest).

create table course (
    id                          text        primary key
                                            constraint course_id_format check (id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    name                        text        not null
                                            constraint course_name_length check (char_length(name) between 1 and 100),
    time_zone                   text        not null
                                            constraint course_time_zone_present check (time_zone <> ''),
    tee_time_interval_minutes   integer     not null
                                            constraint course_interval_range check (tee_time_interval_minutes between 1 and 240),
    max_players_per_tee_time    integer     not null
                                            constraint course_max_players_range check (max_players_per_tee_time between 1 and 100),
    booking_window_days         integer     not null default 14
                                            constraint course_booking_window_range check (booking_window_days between 0 and 730),
    min_notice_minutes          integer     not null default 0
                                            constraint course_min_notice_range check (min_notice_minutes between 0 and 10080),
    cancellation_cutoff_minutes integer     not null default 0
                                            constraint course_cancellation_cutoff_range check (cancellation_cutoff_minutes between 0 and 10080),
    currency                    text        not null default 'USD'
                                            constraint course_currency_format check (currency ~ '^[A-Z]{3}$'),
    weekly_hours                jsonb       not null
                                            constraint course_weekly_hours_object check (jsonb_typeof(weekly_hours) = 'object'),
    date_overrides              jsonb       not null default '[]'
                                            constraint course_date_overrides_array check (jsonb_typeof(date_overrides) = 'array'),
    rates                       jsonb       not null default '[]'
                                            constraint course_rates_array check (jsonb_typeof(rates) = 'array'),
    version                     bigint      not null default 1
                                            constraint course_version_positive check (version >= 1),
    created_at                  timestamptz not null default now(),
    updated_at                  timestamptz not null default now(),
    constraint course_updated_after_created check (updated_at >= created_at)
);

-- A period in which no tee time can be booked: start inclusive, end exclusive.
create table block (
    id         text        primary key
                           constraint block_id_format check (id ~ '^[A-Za-z0-9_-]{16,64}$'),
    course_id  text        not null references course (id),
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    reason     text
               constraint block_reason_length check (reason is null or char_length(reason) <= 200),
    created_at timestamptz not null default now(),
    constraint block_starts_before_it_ends check (starts_at < ends_at),
    constraint block_at_most_31_days check (ends_at - starts_at <= interval '31 days')
);
create index block_course_starts_at on block (course_id, starts_at);

-- The players booked on one tee time. This row is what makes overbooking impossible: a booking
-- takes its spots with one conditional statement on it, and the CHECK refuses the rest.
create table tee_time (
    course_id text        not null references course (id),
    starts_at timestamptz not null,
    capacity  integer     not null
                          constraint tee_time_capacity_range check (capacity between 1 and 100),
    booked    integer     not null default 0
                          constraint tee_time_booked_not_negative check (booked >= 0),
    primary key (course_id, starts_at),
    constraint tee_time_not_overbooked check (booked <= capacity)
);

create table booking (
    id           text        primary key
                             constraint booking_id_format check (id ~ '^[A-Za-z0-9_-]{22,64}$'),
    course_id    text        not null,
    starts_at    timestamptz not null,
    players      integer     not null
                             constraint booking_players_range check (players between 1 and 100),
    name         text        not null
                             constraint booking_name_length check (char_length(name) between 1 and 100),
    email        text
                             constraint booking_email_format check (email is null
                                 or (char_length(email) <= 254 and position('@' in email) > 0)),
    status       text        not null
                             constraint booking_status_known check (status in ('confirmed', 'cancelled')),
    created_at   timestamptz not null default now(),
    cancelled_at timestamptz,
    constraint booking_cancelled_when_cancelled check ((status = 'cancelled') = (cancelled_at is not null)),
    constraint booking_cancelled_after_created check (cancelled_at is null or cancelled_at >= created_at),
    foreign key (course_id, starts_at) references tee_time (course_id, starts_at)
);
create index booking_tee_time on booking (course_id, starts_at);

-- The first answer to a request sent with an Idempotency-Key, replayed to its repeats.
create table idempotency_key (
    key             text        primary key
                                constraint idempotency_key_length check (char_length(key) between 1 and 255),
    fingerprint     text        not null
                                constraint idempotency_fingerprint_sha256 check (fingerprint ~ '^[0-9a-f]{64}$'),
    response_status integer     not null
                                constraint idempotency_response_status_range check (response_status between 200 and 499),
    response_body   text        not null,
    booking_id      text        references booking (id),
    created_at      timestamptz not null default now()
);
create index idempotency_key_booking on idempotency_key (booking_id);
create index idempotency_key_created_at on idempotency_key (created_at);
