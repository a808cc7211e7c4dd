-- Part 3's slot model (docs/architecture.md, "Slots"): a slot is one tee time of one tee; a
-- party takes spots on its start slot and, for an 18-hole round that turns, on its turn slot, in
-- one statement. A course without tees has the one tee "1": every row of before is its slot.

-- The slot: tee_time gains its tee and the players of holds (issue 27); what it holds in all is
-- checked by the row itself, whatever the code does.
alter table booking drop constraint booking_course_id_starts_at_fkey;
alter table tee_time
    add column tee text not null default '1'
        constraint tee_time_tee_format check (tee ~ '^[A-Za-z0-9]{1,8}$'),
    add column held integer not null default 0
        constraint tee_time_held_not_negative check (held >= 0);
alter table tee_time drop constraint tee_time_pkey;
alter table tee_time add constraint tee_time_pkey primary key (course_id, tee, starts_at);
alter table tee_time drop constraint tee_time_not_overbooked;
alter table tee_time add constraint tee_time_not_overbooked check (booked + held <= capacity);

-- A group: several bookings of consecutive tee times, made and cancelled together.
create table booking_group (
    id          text        primary key
                            constraint booking_group_id_format check (id ~ '^[A-Za-z0-9_-]{22,64}$'),
    course_id   text        not null references course (id),
    players     integer     not null
                            constraint booking_group_players_range check (players between 2 and 400),
    created_at  timestamptz not null default now()
);
create index booking_group_course on booking_group (course_id);

-- A booking names its slots: the start slot (tee, starts_at) and, for a round that turns, the
-- turn slot; its round's holes; the price it was made at (null without a rate); its group.
alter table booking
    add column tee              text     not null default '1',
    add column holes            smallint not null default 18
                                constraint booking_holes_range check (holes in (9, 18)),
    add column turn_tee         text,
    add column turn_starts_at   timestamptz,
    add column price_per_player numeric
                                constraint booking_price_not_negative check (price_per_player is null or price_per_player >= 0),
    add column group_id         text references booking_group (id),
    add constraint booking_turn_whole check ((turn_tee is null) = (turn_starts_at is null)),
    add constraint booking_start_slot foreign key (course_id, tee, starts_at) references tee_time (course_id, tee, starts_at),
    add constraint booking_turn_slot foreign key (course_id, turn_tee, turn_starts_at)
        references tee_time (course_id, tee, starts_at);
drop index booking_tee_time;
create index booking_start_slot on booking (course_id, tee, starts_at);
create index booking_turn_slot on booking (course_id, turn_tee, turn_starts_at) where turn_tee is not null;
create index booking_of_group on booking (group_id) where group_id is not null;

-- A block may close some tees only; null: every tee.
alter table block add column tees text[];

-- The course's tees, rounds and turn, in the shape of its JSON fields ({} for the defaults).
alter table course
    add column layout jsonb not null default '{}'
        constraint course_layout_object check (jsonb_typeof(layout) = 'object');

-- Raised by a statement that took some of a party's slots but found another's last spots gone
-- since its snapshot: the whole statement is undone, and the booking is tried again from a fresh
-- snapshot (SQLSTATE 40001, which the service retries), so a round is never half-booked.
create function fairway_slots_changed() returns integer language plpgsql as $$
begin
    raise exception 'a slot filled between the snapshot and the take' using errcode = '40001';
end
$$;
