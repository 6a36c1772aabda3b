-- wrk script of bench/run.sh's steady-state step: create-then-delete pairs of Atlas secrets, so that the
-- stored state stays bounded however long the run. Run it with one connection per wrk thread
-- (wrk -tN -cN): each thread (so each connection) owns one target account of the bench seed, creates a
-- secret (201), deletes it by the id of the answer (204), and so on. Creations of one account never
-- overlap, so no 409 DATA_CONCURRENCY_ERROR either.
--   BENCH_TOKEN=... wrk -t64 -c64 -d30s -s bench/wrk/pairs.lua URL
-- done() prints the same RESULT line as create.lua.

local ORG = "b0b0b0b0b0b0b0b0b0b0b0b0"
local MEDIA = "application/vnd.atlas.2024-08-05+json"
local next_id = 0

function setup(thread)
  thread:set("account", next_id)
  next_id = next_id + 1
end

local base, headers, create, pending

function init(args)
  base = string.format("/api/atlas/v2/orgs/%s/serviceAccounts/mdb_sa_id_bbbbbbbbbbbbbbbb%08x/secrets", ORG, account % 1024)
  headers = { ["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or "missing-token"),
              ["Accept"] = MEDIA, ["Content-Type"] = MEDIA }
  create = wrk.format("POST", base, headers, '{"secretExpiresAfterHours":24}')
end

function request()
  if pending then
    local id = pending
    pending = nil
    return wrk.format("DELETE", base .. "/" .. id, headers)
  end
  return create
end

function response(status, hdrs, body)
  if status == 201 then
    pending = body:match('"id":"(%x+)"')
  end
end

-- This script's directory, from the chunk's source name ("@bench/wrk/...lua"), for result.lua beside it.
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or ""
done = dofile(here .. "result.lua")
