-- The staff's sheet of one day (BENCH_FIRST_DATE) as the admin; with BENCH_ETAG set, the staff
-- page's poll of an unchanged day (304).
local path = "/api/courses/pine/sheet?date=" .. os.getenv("BENCH_FIRST_DATE")
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
local etag = os.getenv("BENCH_ETAG")
if etag ~= nil and etag ~= "" then
  wrk.headers["If-None-Match"] = etag
end

function request()
  return wrk.format("GET", path)
end
