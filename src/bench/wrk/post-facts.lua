-- wrk script: POST /customers/{id}/facts spread over many customers.
--
-- Each request goes to a random customer among WRK_CUSTOMERS (default 100000) ids "bench-<n>", carries 1 to 3
-- events with ids unique across threads and runs, dated at random in 2026-01 .. 2026-10 (always in the past), and no
-- asOf (so the service evaluates at "now"). About one request in five also sends attributes.
-- Run through src/bench/run-wrk.sh, or:  wrk -t2 -c16 -d30s --latency -s post-facts.lua http://127.0.0.1:8181

local customers = tonumber(os.getenv("WRK_CUSTOMERS") or "100000")
local prefix = os.getenv("WRK_CUSTOMER_PREFIX") or "bench-"

local threads = {}
local thread_count = 0

function setup(thread)
   thread_count = thread_count + 1
   thread:set("tid", thread_count)
   table.insert(threads, thread)
end

local run, sent = "", 0
statuses = {}
first_error = nil

function init(args)
   -- A different sequence per thread and per run; event ids carry the run so reruns never collide.
   math.randomseed(os.time() * 1000 + (tid or 0) * 7919)
   run = string.format("%x%04x", os.time(), math.random(0, 0xffff))
end

local function time_in_2026()
   return string.format("2026-%02d-%02dT%02d:%02d:%02dZ", math.random(1, 10), math.random(1, 28),
      math.random(0, 23), math.random(0, 59), math.random(0, 59))
end

local function event(id)
   local r = math.random(100)
   local at = time_in_2026()
   if r <= 35 then
      return string.format('{"id":"%s","type":"PURCHASE","at":"%s","amount":%d,"couponUsed":%s}',
         id, at, math.random(20, 800), math.random(4) == 1 and "true" or "false")
   elseif r <= 65 then
      local kinds = { "READ", "LIKE", "REPLY", "QUESTION" }
      return string.format('{"id":"%s","type":"INTERACTION","at":"%s","kind":"%s"}', id, at, kinds[math.random(4)])
   elseif r <= 75 then
      return string.format('{"id":"%s","type":"SHARE","at":"%s","incentivized":false}', id, at)
   elseif r <= 82 then
      return string.format('{"id":"%s","type":"REVIEW","at":"%s","rating":%d}', id, at, math.random(1, 5))
   elseif r <= 88 then
      return string.format('{"id":"%s","type":"REFERRAL_PURCHASE","at":"%s","amount":%d}', id, at, math.random(20, 500))
   elseif r <= 90 then
      return string.format('{"id":"%s","type":"COMPLAINT","at":"%s","resolved":%s}', id, at,
         math.random(2) == 1 and "true" or "false")
   else
      return string.format('{"id":"%s","type":"VISIT","at":"%s"}', id, at)
   end
end

-- WRK_AUTHORIZATION: the Authorization header of a user with the role ingest (run-wrk.sh sets it).
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = os.getenv("WRK_AUTHORIZATION") }

function request()
   sent = sent + 1
   local events = {}
   for k = 1, math.random(1, 3) do
      events[k] = event(string.format("w-%s-%d-%d-%d", run, tid, sent, k))
   end
   local attributes = "{}"
   if math.random(5) == 1 then
      attributes = string.format('{"addedWeCom":true,"inGroup":%s}', math.random(2) == 1 and "true" or "false")
   end
   local body = string.format('{"attributes":%s,"events":[%s]}', attributes, table.concat(events, ","))
   local path = string.format("/customers/%s%d/facts", prefix, math.random(1, customers))
   return wrk.format("POST", path, headers, body)
end

function response(status, headers, body)
   local key = tostring(status)
   statuses[key] = (statuses[key] or 0) + 1
   if status >= 300 and first_error == nil then
      first_error = string.sub(body or "", 1, 400)
   end
end

function done(summary, latency, requests)
   local merged, example = {}, nil
   for _, thread in ipairs(threads) do
      for status, n in pairs(thread:get("statuses") or {}) do
         merged[status] = (merged[status] or 0) + n
      end
      example = example or thread:get("first_error")
   end
   io.write("------------------------------------------------------------\n")
   io.write(string.format("requests/s  %.1f\n", summary.requests / (summary.duration / 1e6)))
   io.write(string.format("latency p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms\n",
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000))
   io.write(string.format("requests    %d in %.1f s; socket errors: connect %d, read %d, write %d, timeout %d\n",
      summary.requests, summary.duration / 1e6, summary.errors.connect, summary.errors.read,
      summary.errors.write, summary.errors.timeout))
   local parts = {}
   for status, n in pairs(merged) do
      table.insert(parts, status .. "=" .. n)
   end
   table.sort(parts)
   io.write("statuses    " .. table.concat(parts, " ") .. "\n")
   if example then
      io.write("first non-2xx body: " .. example .. "\n")
   end
end
