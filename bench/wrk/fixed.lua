-- One fixed path (BENCH_PATH), over and over: Fairway's HTTP stack answering a body from memory.
local path = os.getenv("BENCH_PATH")

function request()
  return wrk.format("GET", path)
end
