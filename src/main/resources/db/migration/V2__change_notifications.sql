-- Changes to blocks and courses are announced on channel fairway_changes by the database itself,
-- in the changing transaction: a listener hears of them exactly when they commit, whoever made
-- them (an instance, or someone with psql). Payloads (see ChangePayloads) are space-separated:
--   block <course id> <start, epoch seconds> <end, epoch seconds>
--   course <course id>
-- Course ids never contain spaces (course_id_format).
-- Bookings are announced by the instance that made them, after commit and in batches
-- (ChangePublisher): NOTIFY in a transaction takes a global lock from before its commit until
-- the commit is flushed, which would make every booking's commit wait for the one before it.

create function fairway_notify_block() returns trigger language plpgsql as $$
declare
    changed block := coalesce(new, old);
begin
    perform pg_notify('fairway_changes', 'block ' || changed.course_id || ' '
        || floor(extract(epoch from changed.starts_at))::bigint || ' '
        || ceil(extract(epoch from changed.ends_at))::bigint);
    if tg_op = 'UPDATE' and (old.starts_at, old.ends_at) is distinct from (new.starts_at, new.ends_at) then
        perform pg_notify('fairway_changes', 'block ' || old.course_id || ' '
            || floor(extract(epoch from old.starts_at))::bigint || ' '
            || ceil(extract(epoch from old.ends_at))::bigint);
    end if;
    return null;
end
$$;

create trigger block_changed after insert or update or delete on block
    for each row execute function fairway_notify_block();

create function fairway_notify_course() returns trigger language plpgsql as $$
begin
    perform pg_notify('fairway_changes', 'course ' || new.id);
    return null;
end
$$;

create trigger course_changed after insert or update on course
    for each row execute function fairway_notify_course();
