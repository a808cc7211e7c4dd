-- Each request books 1 player on a tee time no other request uses: the 1-minute course of
-- bench/bookings opens every minute, so thread t books minute t, t+threads, t+2*threads...
-- With BENCH_KEYED=1, every request also carries a fresh Idempotency-Key, as the tee-sheet page sends;
-- with BENCH_EMAIL=1, an email address, so the booking also writes its confirmation and reminder.
-- With BENCH_COURSE=bench-rounds, 18-hole rounds from the 1st tee that turn onto the 10th 30 minutes
-- later (two slots each, neither shared with another request); the day's last 30 minutes, which
-- have no turn, are skipped.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  base = tonumber(os.getenv("BENCH_BASE_EPOCH"))
  step = tonumber(os.getenv("BENCH_THREADS") or "2")
  keyed = os.getenv("BENCH_KEYED") == "1"
  email = os.getenv("BENCH_EMAIL") == "1"
  run = tostring(os.time())
  course = os.getenv("BENCH_COURSE") or "bench"
  perDay = 1440
  if course == "bench-rounds" then
    perDay = 1410
  end
end

function request()
  local n = counter * step + id
  local minute = math.floor(n / perDay) * 1440 + n % perDay
  counter = counter + 1
  local start = os.date("!%Y-%m-%dT%H:%M:00Z", base + minute * 60)
  local address = ""
  if email then
    address = ',"email":"golfer' .. id .. '-' .. counter .. '@example.com"'
  end
  local body = '{"start":"' .. start .. '","players":1,"name":"Bench golfer"' .. address .. '}'
  local headers = {["Content-Type"] = "application/json"}
  if keyed then
    headers["Idempotency-Key"] = run .. "-" .. id .. "-" .. counter
  end
  return wrk.format("POST", "/api/courses/" .. course .. "/bookings", headers, body)
end
