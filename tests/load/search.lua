-- HTML search results page, every request a different query (no response cache can help).
-- Thread t of T sends queries t, t+T, t+2T… of queries.txt, so no two requests of the run are equal.
-- If a run outlasts the list, later rounds pair each query with another one ("a b"), still all distinct.
local lib = dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "lib.lua")
local queries = lib.read_lines(os.getenv("QUERIES_FILE") or lib.path("queries.txt"))
if os.getenv("QUERIES_REVERSE") == "1" then
   -- Warm-up reads the list from its end, so the measured run's queries stay new to the site.
   local reversed = {}
   for i = #queries, 1, -1 do
      reversed[#reversed + 1] = queries[i]
   end
   queries = reversed
end
local sent = 0

function setup(thread)
   lib.setup(thread)
end

function request()
   local slot = id + sent * thread_count
   sent = sent + 1
   local round = math.floor(slot / #queries)
   local index = slot % #queries
   local query = queries[index + 1]
   if round > 0 then
      query = query .. " " .. queries[(index + round) % #queries + 1]
   end
   last_path = "/releases?q=" .. lib.urlencode(query)
   return wrk.format("GET", last_path)
end

function response(status)
   lib.count(status)
end

function done(summary, latency, requests)
   lib.done("search", summary, latency)
   io.write(string.format("  distinct queries: %d sent, %d in the list%s\n", summary.requests, #queries,
      summary.requests > #queries and " (later rounds paired two queries, still distinct)" or ""))
end
