-- Each request books 1 player on a tee time no other request uses: the 1-minute course of
-- bench/bookings opens every minute, so thread t books minute t, t+threads, t+2*threads...
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  base = tonumber(os.getenv("BENCH_BASE_EPOCH"))
  step = tonumber(os.getenv("BENCH_THREADS") or "2")
end

function request()
  local minute = counter * step + id
  counter = counter + 1
  local start = os.date("!%Y-%m-%dT%H:%M:00Z", base + minute * 60)
  local body = '{"start":"' .. start .. '","players":1,"name":"Bench golfer"}'
  return wrk.format("POST", "/api/courses/bench/bookings", {["Content-Type"] = "application/json"}, body)
end
