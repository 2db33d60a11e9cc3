-- Cycles through pre-generated pushes, one line per request: "path TAB body".
-- Usage: wrk -t1 -c32 -d30s --latency -s requests.lua http://127.0.0.1:PORT -- FILE
-- Every request of a run must be distinct (the service answers a repeated MsgId from its reply cache): threads
-- take interleaved lines, and done() reports how often a thread ran out and started over ("wraps").
local threads = {}
local next_id = 0

function setup(thread)
   thread:set("id", next_id)
   next_id = next_id + 1
   table.insert(threads, thread)
end

function init(args)
   local file = args[1] or error("requests.lua needs the request file after --")
   local stride = #threads > 0 and #threads or 1
   local headers = { ["Content-Type"] = "text/xml" }
   requests = {}
   local n = 0
   for line in io.lines(file) do
      if n % stride == id then
         local tab = line:find("\t", 1, true)
         requests[#requests + 1] = wrk.format("POST", line:sub(1, tab - 1), headers, line:sub(tab + 1))
      end
      n = n + 1
   end
   count = #requests
   index = 0
   wraps = 0
end

function request()
   index = index + 1
   if index > count then
      index = 1
      wraps = wraps + 1
   end
   return requests[index]
end

function done(summary, latency, requests)
   local wraps = 0
   for _, thread in ipairs(threads) do
      wraps = wraps + thread:get("wraps")
   end
   local e = summary.errors
   io.write(string.format(
      'RESULT {"requests":%d,"duration_us":%d,"rps":%.1f,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,' ..
      '"mean_ms":%.3f,"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d,"non2xx":%d,"wraps":%d}\n',
      summary.requests, summary.duration, summary.requests / summary.duration * 1e6,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      latency.mean / 1000, e.connect, e.read, e.write, e.timeout, e.status, wraps))
end
