-- A reader-and-crawler mix over real queries and the served data's own slugs: HTML and JSON search,
-- filters (minister, portfolio, year, with and without words), facet pages, release pages, Atom
-- feeds and the stylesheet. Slugs come from TARGETS_FILE (lines "release|minister|portfolio <slug>", written by
-- run-load.sh from the site's sitemaps), so the mix fits whatever data directory is served.
local lib = dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "lib.lua")
local queries = lib.read_lines(os.getenv("QUERIES_FILE") or lib.path("queries.txt"))
local targets = { release = {}, minister = {}, portfolio = {} }
for _, line in ipairs(lib.read_lines(os.getenv("TARGETS_FILE") or "targets.txt")) do
   local kind, slug = line:match("^(%a+) (.+)$")
   if kind and targets[kind] then
      table.insert(targets[kind], slug)
   end
end

function setup(thread)
   lib.setup(thread)
end

function init(args)
   -- A fixed seed per thread: the same run sends the same sequence.
   math.randomseed(1000 + id)
   for kind, list in pairs(targets) do
      if #list == 0 then
         error("TARGETS_FILE has no " .. kind .. " lines")
      end
   end
end

local function pick(list)
   return list[math.random(#list)]
end

local function q()
   return lib.urlencode(pick(queries))
end

local function year_range()
   local year = math.random(1997, 2025)
   return "from=" .. year .. "-01-01&to=" .. year .. "-12-31"
end

-- Each entry: share (out of 100), kind, and a path builder.
local mix = {
   { 25, "search", function() return "/releases?q=" .. q() end },
   { 10, "api-search", function() return "/api/releases?q=" .. q() end },
   { 5, "filter-minister", function() return "/releases?minister=" .. pick(targets.minister) end },
   { 5, "filter-portfolio", function() return "/releases?portfolio=" .. pick(targets.portfolio) .. "&" .. year_range() end },
   { 5, "filter-year-words", function() return "/releases?q=" .. q() .. "&" .. year_range() .. "&sort=newest" end },
   { 3, "facets-ministers", function() return "/ministers" end },
   { 3, "facets-portfolios", function() return "/portfolios" end },
   { 4, "minister-page", function() return "/ministers/" .. pick(targets.minister) end },
   { 18, "release", function() return "/releases/" .. pick(targets.release) end },
   -- The stylesheet every page links: a site that lost its static files fails the run.
   { 2, "stylesheet", function() return "/css/site.css" end },
   { 5, "browse", function() return "/releases?page=" .. math.random(1, 50) end },
   { 5, "feed-minister", function() return "/feeds/releases.atom?minister=" .. pick(targets.minister) end },
   { 5, "feed-search", function() return "/feeds/releases.atom?q=" .. q() end },
   { 5, "feed-portfolio", function() return "/feeds/releases.atom?portfolio=" .. pick(targets.portfolio) end },
}

-- ONLY_KIND=release (a kind's name above) sends that kind alone: run-load.sh's kinds mode, which measures each one's cost.
local only = os.getenv("ONLY_KIND")
if only and only ~= "" then
   local chosen = {}
   for _, entry in ipairs(mix) do
      if entry[2] == only then
         chosen = { { 100, entry[2], entry[3] } }
      end
   end
   if #chosen == 0 then
      error("ONLY_KIND names no kind of the mix: " .. only)
   end
   mix = chosen
end

function request()
   local roll = math.random(100)
   for _, entry in ipairs(mix) do
      roll = roll - entry[1]
      if roll <= 0 then
         last_path = entry[3]()
         return wrk.format("GET", last_path)
      end
   end
end

function response(status)
   lib.count(status)
end

function done(summary, latency, requests)
   lib.done(only and only ~= "" and only or "mix", summary, latency)
end
