-- wrk script of bench/run.sh: valid, authenticated creations that the emulator fully processes.
--   wrk ... -s bench/wrk/create.lua URL -- secret   Atlas: POST /api/atlas/v2/orgs/{orgId}/serviceAccounts/{clientId}/secrets (201)
--   wrk ... -s bench/wrk/create.lua URL -- apikey   Cloud Manager: POST /api/public/v1.0/orgs/{orgId}/apiKeys (200)
-- A second argument "prefer201" adds "Prefer: code=201" (for Prism, which otherwise picks the spec's first
-- 2xx answer of the secret endpoint, the 200 envelope).
-- Both send "Authorization: Bearer $BENCH_TOKEN", a token of the ORG_OWNER service account of the bench
-- seed (BenchSeed.java): Digest would need a challenge per connection, which wrk cannot answer.
-- Secret creations rotate over the 1,024 target accounts of the seed, as BenchSeed.targetClientId(i).
-- Requests are formatted once per thread in init(), so that wrk spends its CPU on sending, not on Lua.
-- done() prints one machine-readable line (result.lua):
--   RESULT <requests/s> <p50 us> <p99 us> <requests> <non-2xx/3xx> <socket errors> <max us>

local ORG = "b0b0b0b0b0b0b0b0b0b0b0b0"
local TARGETS = 1024
local MEDIA = "application/vnd.atlas.2024-08-05+json"

local prepared = {}
local index = 0
local threads = 0

-- Each wrk thread takes its own accounts (thread t of N: every account n with n % N == t; N from
-- BENCH_THREADS, 2 as every script here runs wrk -t2). Threads that shared the accounts drifted onto the
-- same account at the same time, which the emulator rightly refused with 409 DATA_CONCURRENCY_ERROR
-- (most often with --data-dir, where a creation takes longer). Within a thread, the connections' requests
-- in flight are consecutive accounts, so no two of them name the same account.
function setup(thread)
  thread:set("thread_number", threads)
  threads = threads + 1
end

function init(args)
  local workload = args[1] or "secret"
  local auth = "Bearer " .. (os.getenv("BENCH_TOKEN") or "missing-token")
  if workload == "secret" then
    local body = '{"secretExpiresAfterHours":24}'
    local stride = tonumber(os.getenv("BENCH_THREADS") or "2")
    for n = (thread_number or 0) % stride, TARGETS - 1, stride do
      local path = string.format("/api/atlas/v2/orgs/%s/serviceAccounts/mdb_sa_id_bbbbbbbbbbbbbbbb%08x/secrets", ORG, n)
      local headers = { ["Authorization"] = auth, ["Accept"] = MEDIA, ["Content-Type"] = MEDIA }
      if args[2] == "prefer201" then
        headers["Prefer"] = "code=201"
      end
      prepared[#prepared + 1] = wrk.format("POST", path, headers, body)
    end
  elseif workload == "apikey" then
    local body = '{"desc":"bench key","roles":["ORG_MEMBER"]}'
    prepared[1] = wrk.format("POST", "/api/public/v1.0/orgs/" .. ORG .. "/apiKeys",
      { ["Authorization"] = auth, ["Accept"] = "application/json", ["Content-Type"] = "application/json" }, body)
  else
    error("unknown workload " .. workload)
  end
end

function request()
  index = index % #prepared + 1
  return prepared[index]
end

-- This script's directory, from the chunk's source name ("@bench/wrk/...lua"), for result.lua beside it.
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or ""
done = dofile(here .. "result.lua")
