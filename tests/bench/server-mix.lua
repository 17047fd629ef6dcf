-- server-mix.lua: the request mix of tests/bench/run's wrk figures (wrk 4.1, LuaJIT).
--
--   KOCDESK_TOKEN=koc_… wrk -c 64 -t 2 -d 30s -s server-mix.lua URL -- MODE MAX_SEQ
--
-- MODE "mix": what a team's devices do to one workspace —
--   70 % GET /v1/changes?since=S&limit=100 at a random cursor S in [0, MAX_SEQ)
--        (devices catching up from anywhere in the feed: 100 changes, ~60 KB),
--   10 % GET /v1/changes?since=MAX_SEQ&limit=100 (an up-to-date device polling: empty page),
--   10 % GET /v1/search?q=…&limit=20 (Discover searches, Chinese and English),
--   10 % GET /v1/health;
-- every request but health with the bearer token from $KOCDESK_TOKEN.
-- MODE "health": GET /v1/health only (the HTTP stack without SQLite or the token: the
-- baseline).
--
-- done() prints one line for tests/bench/run to parse:
--   wrk-result requests=N seconds=S rps=R p50_ms=A p99_ms=B status_errors=N
--   socket_errors=N (connect + read + write + timeout)
--
-- Copyright 2026 The KOC Desk authors
-- SPDX-License-Identifier: GPL-3.0-or-later

local mode = "mix"
local max_seq = 1
local token = os.getenv ("KOCDESK_TOKEN") or ""
local n = 0

local searches = {
  "%E9%9D%A2%E8%86%9C",                -- 面膜
  "%E5%8F%A3%E7%BA%A2",                -- 口红
  "%E9%98%B2%E6%99%92",                -- 防晒
  "%E7%A7%8D%E8%8D%89",                -- 种草
  "sephora",
  "serum",
}

function init (args)
  mode = args[1] or "mix"
  max_seq = tonumber (args[2] or "1") or 1
  -- Each thread its own sequence (wrk runs init once per thread, in its own Lua state).
  math.randomseed (os.time () + tonumber (tostring ({}):match ("0x(%x+)") or "0", 16) % 1000)
end

local function get (path, auth)
  local headers = { ["Accept"] = "application/json" }
  if auth then
    headers["Authorization"] = "Bearer " .. token
  end
  return wrk.format ("GET", path, headers)
end

function request ()
  if mode == "health" then
    return get ("/v1/health", false)
  end
  n = n + 1
  local r = math.random (100)
  if r <= 70 then
    return get (string.format ("/v1/changes?since=%d&limit=100", math.random (0, max_seq - 1)), true)
  elseif r <= 80 then
    return get (string.format ("/v1/changes?since=%d&limit=100", max_seq), true)
  elseif r <= 90 then
    return get ("/v1/search?q=" .. searches[math.random (#searches)] .. "&limit=20", true)
  end
  return get ("/v1/health", false)
end

function done (summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write (string.format ("wrk-result requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f"
                           .. " p99_ms=%.2f status_errors=%d socket_errors=%d\n",
                           summary.requests, seconds, summary.requests / seconds,
                           latency:percentile (50) / 1000, latency:percentile (99) / 1000,
                           e.status, e.connect + e.read + e.write + e.timeout))
end
