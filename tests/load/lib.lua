-- Shared by the wrk scripts in tests/load: input files, URL encoding, and the count of responses by
-- status class, printed in done(). wrk gives every thread its own Lua state, so counters live in each
-- thread and done() (run in the main state) adds them up through the thread objects kept by setup().

local lib = {}

-- ACCEPT_ENCODING=br (or gzip) asks for compressed responses, as browsers do; unset, wrk asks for none.
local accept_encoding = os.getenv("ACCEPT_ENCODING")
if accept_encoding and accept_encoding ~= "" then
   wrk.headers["Accept-Encoding"] = accept_encoding
end

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"

function lib.path(name)
   return here .. name
end

function lib.read_lines(file)
   local lines = {}
   local f = io.open(file, "r")
   if not f then
      error("cannot read " .. file)
   end
   for line in f:lines() do
      if line ~= "" then
         lines[#lines + 1] = line
      end
   end
   f:close()
   return lines
end

function lib.urlencode(text)
   return (text:gsub("[^%w%-%._~]", function(c)
      return string.format("%%%02X", string.byte(c))
   end))
end

-- Thread bookkeeping: ids 0..n-1, in the order wrk creates the threads.
local threads = {}

function lib.setup(thread)
   thread:set("id", #threads)
   thread:set("thread_count", tonumber(os.getenv("WRK_THREADS") or "2"))
   threads[#threads + 1] = thread
end

-- Per-thread counters (globals of the thread's state, read back by done()).
n2xx, n3xx, n4xx, n5xx, nother, first_error = 0, 0, 0, 0, 0, ""
last_path = ""

function lib.count(status)
   if status >= 200 and status < 300 then
      n2xx = n2xx + 1
   elseif status >= 300 and status < 400 then
      n3xx = n3xx + 1
   else
      if status >= 400 and status < 500 then
         n4xx = n4xx + 1
      elseif status >= 500 then
         n5xx = n5xx + 1
      else
         nother = nother + 1
      end
      if first_error == "" then
         first_error = status .. " " .. last_path
      end
   end
end

-- One summary line a shell script can parse, then the details. Errors are responses outside 2xx/3xx
-- plus socket errors (connect, read, write, timeout).
function lib.done(name, summary, latency)
   local c = { n2xx = 0, n3xx = 0, n4xx = 0, n5xx = 0, nother = 0 }
   local samples = {}
   for _, thread in ipairs(threads) do
      for key, _ in pairs(c) do
         c[key] = c[key] + (thread:get(key) or 0)
      end
      local sample = thread:get("first_error")
      if sample and sample ~= "" then
         samples[#samples + 1] = sample
      end
   end
   local e = summary.errors
   local socket = e.connect + e.read + e.write + e.timeout
   local errors = c.n4xx + c.n5xx + c.nother + socket
   local seconds = summary.duration / 1e6
   io.write(string.format(
      "RESULT %s requests=%d req_s=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d status_5xx=%d status_4xx=%d socket_errors=%d bytes_per_response=%.0f\n",
      name, summary.requests, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      errors, c.n5xx, c.n4xx, socket, summary.bytes / math.max(1, summary.requests)))
   io.write(string.format("  responses: 2xx %d, 3xx %d, 4xx %d, 5xx %d, other %d; socket errors: connect %d, read %d, write %d, timeout %d\n",
      c.n2xx, c.n3xx, c.n4xx, c.n5xx, c.nother, e.connect, e.read, e.write, e.timeout))
   for _, sample in ipairs(samples) do
      io.write("  first error of a thread: " .. sample .. "\n")
   end
end

return lib
