-- wrk script: each connection waits a random 0 to 2 × PACE_DELAY_MS milliseconds before each request,
-- so the connections together ask at a steady rate, in no lockstep, instead of as fast as answers come.
local mean = tonumber(os.getenv("PACE_DELAY_MS") or "0")
math.randomseed(os.time())

function delay()
  return math.random(0, 2 * mean)
end
