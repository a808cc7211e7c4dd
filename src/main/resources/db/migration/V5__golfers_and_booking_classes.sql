-- Golfers who sign in by emailed code, members of a course's booking classes, and the classes'
-- rules. A course that sets none of it keeps the empty policy and behaves as before.
alter table course
    add column booking_policy jsonb not null default '{}'
        constraint course_booking_policy_object check (jsonb_typeof(booking_policy) = 'object');

create table golfer (
    id          text        primary key
                            constraint golfer_id_format check (id ~ '^[A-Za-z0-9_-]{16,64}$'),
    -- as first given; compared lower-cased
    email       text        not null
                            constraint golfer_email_format check (char_length(email) between 3 and 254
                                                                  and position('@' in email) > 1),
    name        text        constraint golfer_name_length check (name is null or char_length(name) between 1 and 100),
    created_at  timestamptz not null default now()
);
create unique index golfer_email on golfer (lower(email));

-- A sign-in code is stored only as a hash of its id and its digits: the digits are never kept.
create table sign_in_code (
    id          text        primary key
                            constraint sign_in_code_id_format check (id ~ '^[A-Za-z0-9_-]{16,64}$'),
    email       text        not null
                            constraint sign_in_code_email_lower check (email = lower(email)),
    code_hash   bytea       not null
                            constraint sign_in_code_hash_sha256 check (octet_length(code_hash) = 32),
    expires_at  timestamptz not null,
    wrong_tries integer     not null default 0
                            constraint sign_in_code_wrong_tries_range check (wrong_tries between 0 and 5),
    used_at     timestamptz,
    created_at  timestamptz not null default now()
);
create index sign_in_code_email on sign_in_code (email, created_at);

-- A golfer's token is "<id>.<secret>": the row is found by its id and the secret's hash compared
-- in constant time, so neither the secret nor anything that opens the row is stored.
create table golfer_token (
    id            text        primary key
                              constraint golfer_token_id_format check (id ~ '^[A-Za-z0-9_-]{16,64}$'),
    golfer_id     text        not null references golfer (id),
    secret_hash   bytea       not null
                              constraint golfer_token_hash_sha256 check (octet_length(secret_hash) = 32),
    expires_at    timestamptz not null,
    signed_out_at timestamptz,
    created_at    timestamptz not null default now()
);
create index golfer_token_golfer on golfer_token (golfer_id);

create table member (
    course_id     text        not null references course (id),
    -- lower-cased: emails compare case-insensitively
    email         text        not null
                              constraint member_email_format check (email = lower(email) and char_length(email) between 3 and 254
                                                                    and position('@' in email) > 1),
    booking_class text        not null
                              constraint member_booking_class_format check (booking_class ~ '^[a-z0-9][a-z0-9-]{0,31}$'
                                                                            and booking_class <> 'public'),
    name          text        constraint member_name_length check (name is null or char_length(name) between 1 and 100),
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    primary key (course_id, email)
);

-- Who a booking counts against for the limits: the signed-in golfer's email or the anonymous
-- booker's, lower-cased; and the golfer whose booking it is, when one was signed in.
alter table booking
    add column booker    text
                         constraint booking_booker_lower check (booker is null or booker = lower(booker)),
    add column golfer_id text references golfer (id);
create index booking_booker on booking (course_id, booker, starts_at) where status = 'confirmed' and booker is not null;
create index booking_golfer on booking (golfer_id, starts_at) where golfer_id is not null;
