-- Every request books 1 player on the same tee time: after its 100 spots are gone, each answer
-- is 409 full, and every request still queues on that tee time's row lock.
function init(args)
  local base = tonumber(os.getenv("BENCH_BASE_EPOCH"))
  start = os.date("!%Y-%m-%dT%H:%M:00Z", base + 600)
end

function request()
  local body = '{"start":"' .. start .. '","players":1,"name":"Hot golfer"}'
  return wrk.format("POST", "/api/courses/bench/bookings", {["Content-Type"] = "application/json"}, body)
end
