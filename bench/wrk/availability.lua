-- Availability of course "pine" for BENCH_DAYS days (1 or 7), starting on one of the 7 days
-- from BENCH_FIRST_DATE (YYYY-MM-DD), in turn: the same small set of dates a busy week's
-- golfers would ask for.
local counter = 0

function init(args)
  local y, m, d = os.getenv("BENCH_FIRST_DATE"):match("(%d+)-(%d+)-(%d+)")
  first = os.time({year = tonumber(y), month = tonumber(m), day = tonumber(d), hour = 12})
  days = tonumber(os.getenv("BENCH_DAYS") or "1")
end

function request()
  local from = first + (counter % 7) * 86400
  counter = counter + 1
  local path = "/api/courses/pine/availability?players=2&from=" .. os.date("%Y-%m-%d", from)
  if days > 1 then
    path = path .. "&to=" .. os.date("%Y-%m-%d", from + (days - 1) * 86400)
  end
  return wrk.format("GET", path)
end
