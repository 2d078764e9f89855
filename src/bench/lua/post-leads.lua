-- wrk script for POST /api/leads: every request is a distinct, valid lead (its own email), half
-- consultations, half development plans, with startedAt a minute back so none is flagged as spam.
-- Collects the reference of every 201 and writes them, one a line, to $WRK_REFERENCES at the end;
-- $WRK_RUN (default: the time) keeps emails distinct across runs on the same database.
-- $WRK_VISITORS (default 1: every request from the load generator's own address) spreads the
-- requests over that many client addresses in X-Forwarded-For, as a reverse proxy in front of the
-- app sends them; the app must trust it (--server.forward-headers-strategy=native).
-- IntakeBenchmark runs it; by hand, against an app started with a high rate limit
-- (--stackdesk.intake.rate-limit.submissions=100000000):
--   WRK_REFERENCES=target/refs.txt wrk -t2 -c64 -d20s --latency -s src/bench/lua/post-leads.lua http://localhost:8080/api/leads

local threads = {}
local run = os.getenv("WRK_RUN") or tostring(os.time())

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  refs = {}
  created = 0
  others = {}
  visitors = tonumber(os.getenv("WRK_VISITORS") or "1")
  stacks = { "NODE_JS", "PYTHON", "GO", "JAVA", "PHP", "RUBY", "OTHER", "NOT_SURE" }
end

function request()
  counter = counter + 1
  local n = counter
  local email = string.format("wrk.%s.t%d.n%d@load%d.example", run, id, n, n % 97)
  local started = (os.time() - 60) * 1000
  local stack = stacks[(n % #stacks) + 1]
  local body
  if n % 2 == 0 then
    body = string.format(
      '{"kind":"CONSULTATION","firstName":"Wren","lastName":"Loader%d","email":"%s","stack":"%s",'
        .. '"contactMethod":"EMAIL","company":"Load %d GmbH","message":"Load test consultation %s-%d-%d about our %s backend",'
        .. '"consent":"true","startedAt":%d,"utmSource":"wrk","landingPage":"/services"}',
      n, email, stack, n % 97, run, id, n, stack, started)
  else
    body = string.format(
      '{"kind":"DEVELOPMENT_PLAN","firstName":"Wren","lastName":"Planner%d","email":"%s","stack":"%s",'
        .. '"company":"Plan %d Oy","projectType":"API_BACKEND","message":"Load test plan %s-%d-%d: an ordering API",'
        .. '"budget":"FROM_10K_TO_50K","timeline":"WITHIN_3_MONTHS","teamSize":"FROM_2_TO_10",'
        .. '"consent":"true","startedAt":%d,"utmSource":"wrk"}',
      n, email, stack, n % 97, run, id, n, started)
  end
  local headers = { ["Content-Type"] = "application/json" }
  if visitors > 1 then
    -- as behind the operator's reverse proxy: each request from one of $WRK_VISITORS addresses
    local v = (id * 7919 + n) % visitors
    headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.floor(v / 65536) % 256, math.floor(v / 256) % 256, v % 256)
  end
  return wrk.format("POST", "/api/leads", headers, body)
end

function response(status, headers, body)
  if status == 201 then
    local ref = body:match('"reference"%s*:%s*"([^"]+)"')
    created = created + 1
    if ref then
      refs[#refs + 1] = ref
    end
  else
    local key = tostring(status)
    others[key] = (others[key] or 0) + 1
  end
end

function done(summary, latency, requests)
  local path = os.getenv("WRK_REFERENCES")
  local total, withRef = 0, 0
  local file = path and io.open(path, "w")
  for _, thread in ipairs(threads) do
    total = total + (thread:get("created") or 0)
    for _, ref in ipairs(thread:get("refs") or {}) do
      withRef = withRef + 1
      if file then
        file:write(ref, "\n")
      end
    end
    for status, count in pairs(thread:get("others") or {}) do
      io.write(string.format("lua: status %s: %d\n", status, count))
    end
  end
  if file then
    file:close()
  end
  io.write(string.format("lua: 201 responses: %d, references read: %d\n", total, withRef))
end
