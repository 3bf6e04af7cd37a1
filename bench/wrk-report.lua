-- What bench/pages.sh reads from a wrk run: latency percentiles (ms), requests per second, and the answers that
-- were not good (status 400 and over, or a connection that failed or timed out).
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH p50=%.3f p95=%.3f rps=%.2f requests=%d bad=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.requests / (summary.duration / 1e6), summary.requests,
    e.status + e.connect + e.read + e.write + e.timeout))
end
