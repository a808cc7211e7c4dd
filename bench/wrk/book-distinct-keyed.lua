-- As book-distinct.lua, with a fresh Idempotency-Key on every request, as the tee-sheet page sends.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  base = tonumber(os.getenv("BENCH_BASE_EPOCH"))
  step = tonumber(os.getenv("BENCH_THREADS") or "2")
  run = tostring(os.time())
end

function request()
  local minute = counter * step + id
  counter = counter + 1
  local start = os.date("!%Y-%m-%dT%H:%M:00Z", base + minute * 60)
  local body = '{"start":"' .. start .. '","players":1,"name":"Bench golfer"}'
  local headers = {["Content-Type"] = "application/json", ["Idempotency-Key"] = run .. "-" .. id .. "-" .. counter}
  return wrk.format("POST", "/api/courses/bench/bookings", headers, body)
end
