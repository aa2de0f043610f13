-- wrk script: each connection waits a random 0 to 2 × PACE_DELAY_MS milliseconds before each request,
-- so the connections together ask at a steady rate, in no lockstep, instead of as fast as answers come.
-- Each wrk thread has its own random sequence (seeded by its number), or the threads' gaps would match.
local mean = tonumber(os.getenv("PACE_DELAY_MS") or "0")
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("number", threads)
end

function init(args)
  math.randomseed(os.time() * 1000 + number)
end

function delay()
  return math.random(0, 2 * mean)
end
