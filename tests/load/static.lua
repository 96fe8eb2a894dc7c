-- The server's own ceiling: the site's stylesheet, a static file served by the same process,
-- same run, same Lua accounting as the other scripts (so the ratio compares like with like).
local lib = dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "lib.lua")
local path = os.getenv("STATIC_PATH") or "/css/site.css"

function setup(thread)
   lib.setup(thread)
end

function request()
   last_path = path
   return wrk.format("GET", path)
end

function response(status)
   lib.count(status)
end

function done(summary, latency, requests)
   lib.done("static", summary, latency)
end
