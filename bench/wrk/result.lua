-- The RESULT line that bench/run.sh and the compare scripts read, shared by every wrk script here:
--   RESULT <requests/s> <p50 us> <p99 us> <requests> <non-2xx/3xx> <socket errors> <max us>
-- Loaded with dofile from the calling script's own directory, so wrk can run from any directory.
return function(summary, latency)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format("RESULT\t%.1f\t%d\t%d\t%d\t%d\t%d\t%d\n",
    summary.requests / seconds, latency:percentile(50), latency:percentile(99), summary.requests,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout, latency.max))
end
