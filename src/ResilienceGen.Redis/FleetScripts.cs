namespace ResilienceGen.Redis
{
    /// <summary>
    /// The Lua scripts that make each fleet decision one atomic step in Redis. Time is Redis's own (TIME, key time to
    /// live), so the instances' clocks need not agree. A value not starting with the version prefix is not the fleet's
    /// and is overwritten by the next decision. A decision and its news are one step: the script that writes it
    /// also publishes the message (one round trip, and no news of a write that did not happen).
    /// </summary>
    internal static class FleetScripts
    {
        // KEYS: votes, state, count, window (the fleet-wide counts, cleared when the fleet opens: the next streak starts
        // from zero). ARGV: instance, window ms (the break), quorum, open value, open ttl ms, channel, message.
        // Returns {1, ttl} opened fleet-wide now; {2, ttl} already open fleet-wide; {3, 0} isolated fleet-wide;
        // {0, votes} below the quorum.
        public const string OpenVote = @"
local cur = redis.call('GET', KEYS[2])
if cur and string.sub(cur, 1, 5) == 'rgf1|' then
  if string.sub(cur, 6, 14) == 'isolated|' then return {3, 0} end
  local ttl = redis.call('PTTL', KEYS[2])
  if ttl > 0 then
    redis.call('DEL', KEYS[3], KEYS[4])
    return {2, ttl}
  end
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('PEXPIRE', KEYS[1], window)
local n = redis.call('ZCARD', KEYS[1])
if n >= tonumber(ARGV[3]) then
  redis.call('SET', KEYS[2], ARGV[4], 'PX', tonumber(ARGV[5]))
  redis.call('DEL', KEYS[1], KEYS[3], KEYS[4])
  redis.call('PUBLISH', ARGV[6], ARGV[7])
  return {1, tonumber(ARGV[5])}
end
return {0, n}";

        // A failed probe: a new break for the fleet, no quorum. KEYS: state, lease, votes. ARGV: open value, ttl ms, channel, message.
        // Returns 1, or 0 when the fleet is isolated (left so).
        public const string Reopen = @"
local cur = redis.call('GET', KEYS[1])
if cur and string.sub(cur, 1, 14) == 'rgf1|isolated|' then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', tonumber(ARGV[2]))
redis.call('DEL', KEYS[2], KEYS[3])
redis.call('PUBLISH', ARGV[3], ARGV[4])
return 1";

        // Probes succeeded: closed fleet-wide. KEYS: state, lease, votes, count, window. ARGV: channel, message. Returns 1,
        // or 0 when isolated (left so).
        public const string Close = @"
local cur = redis.call('GET', KEYS[1])
if cur and string.sub(cur, 1, 14) == 'rgf1|isolated|' then return 0 end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5])
redis.call('PUBLISH', ARGV[1], ARGV[2])
return 1";

        // KEYS: state, lease, votes. ARGV: isolated value, channel, message.
        public const string Isolate = @"
redis.call('SET', KEYS[1], ARGV[1])
redis.call('DEL', KEYS[2], KEYS[3])
redis.call('PUBLISH', ARGV[2], ARGV[3])
return 1";

        // KEYS: state, lease, votes, count, window. ARGV: channel, message.
        public const string Reset = @"
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5])
redis.call('PUBLISH', ARGV[1], ARGV[2])
return 1";

        // Ask for (or renew) the probe lease. KEYS: state, lease. ARGV: lease value, lease ms.
        // Returns {1, 0} granted; {0, ttl} the fleet is still open (its remaining break); {-1, ttl} held by another
        // instance (its remaining lease); {3, 0} isolated.
        public const string AcquireLease = @"
local cur = redis.call('GET', KEYS[1])
if cur and string.sub(cur, 1, 5) == 'rgf1|' then
  if string.sub(cur, 6, 14) == 'isolated|' then return {3, 0} end
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl > 0 then return {0, ttl} end
end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', tonumber(ARGV[2])) then return {1, 0} end
if redis.call('GET', KEYS[2]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[2]))
  return {1, 0}
end
return {-1, redis.call('PTTL', KEYS[2])}";

        // Give a lease back if this instance holds it. KEYS: lease. ARGV: lease value.
        public const string ReleaseLease = @"
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0";

        // The reconciliation read: for every state key, its value and time to live (flat: v1, ttl1, v2, ttl2 ...).
        public const string ReadStates = @"
local out = {}
for i, key in ipairs(KEYS) do
  local v = redis.call('GET', key)
  if v then
    out[#out + 1] = v
    out[#out + 1] = redis.call('PTTL', key)
  else
    out[#out + 1] = false
    out[#out + 1] = -2
  end
end
return out";
    
        // Fleet-wide counting, consecutive mode: one failure. KEYS: count. ARGV: channel, message prefix
        // ('rgf1|count|<instance>|'), message suffix ('|<breaker>'). Returns the fleet's count, published to the others.
        public const string CountFailure = @"
local n = redis.call('INCR', KEYS[1])
redis.call('PUBLISH', ARGV[1], ARGV[2] .. n .. ARGV[3])
return n";

        // Fleet-wide counting, consecutive mode: a success ended the streak. KEYS: count. ARGV: channel, message (count 0).
        // Publishes only when there was a streak to end. Returns 1 when it ended one, else 0.
        public const string ClearCount = @"
if redis.call('DEL', KEYS[1]) == 1 then
  redis.call('PUBLISH', ARGV[1], ARGV[2])
  return 1
end
return 0";

        // Fleet-wide counting, ratio mode: writes this instance's window and sums the fleet's. KEYS: window.
        // ARGV: instance, calls, failures, validity ms (an entry older is dropped), channel, message (window).
        // The first failure of the fleet's window publishes the message (every instance then writes its window, so the
        // successes of the others count at once). Returns {calls, failures} of the fleet.
        public const string WriteWindow = @"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local validity = tonumber(ARGV[4])
local hadFailures = false
local entries = redis.call('HGETALL', KEYS[1])
for i = 1, #entries, 2 do
  local c, f, at = string.match(entries[i + 1], '^(%d+)|(%d+)|(%d+)$')
  if not at or now - tonumber(at) > validity then
    redis.call('HDEL', KEYS[1], entries[i])
  elseif tonumber(f) > 0 then
    hadFailures = true
  end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. '|' .. ARGV[3] .. '|' .. now)
redis.call('PEXPIRE', KEYS[1], validity)
local calls, failures = 0, 0
entries = redis.call('HGETALL', KEYS[1])
for i = 1, #entries, 2 do
  local c, f, at = string.match(entries[i + 1], '^(%d+)|(%d+)|(%d+)$')
  if at then
    calls = calls + tonumber(c)
    failures = failures + tonumber(f)
  end
end
if not hadFailures and tonumber(ARGV[3]) > 0 then redis.call('PUBLISH', ARGV[5], ARGV[6]) end
return {calls, failures}";

        // The reconciliation read with fleet-wide counting. KEYS: state keys, then one count key (consecutive) or window
        // key (ratio) per breaker, in the same order. ARGV: validity ms of a window entry, then 'c' or 'r' per breaker.
        // Returns 4 per breaker, flat: state value (or false), its ttl (-2 absent), calls, failures (consecutive: the
        // count twice; ratio: the fleet's window summed over fresh entries).
        public const string ReadStatesCounted = @"
local n = #KEYS / 2
local out = {}
local now = nil
local validity = tonumber(ARGV[1])
for i = 1, n do
  local v = redis.call('GET', KEYS[i])
  if v then
    out[#out + 1] = v
    out[#out + 1] = redis.call('PTTL', KEYS[i])
  else
    out[#out + 1] = false
    out[#out + 1] = -2
  end
  local calls, failures = 0, 0
  if ARGV[i + 1] == 'c' then
    local c = tonumber(redis.call('GET', KEYS[n + i]) or '0') or 0
    calls, failures = c, c
  else
    local entries = redis.call('HGETALL', KEYS[n + i])
    if #entries > 0 and not now then
      local t = redis.call('TIME')
      now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
    end
    for j = 1, #entries, 2 do
      local c, f, at = string.match(entries[j + 1], '^(%d+)|(%d+)|(%d+)$')
      if at and now - tonumber(at) <= validity then
        calls = calls + tonumber(c)
        failures = failures + tonumber(f)
      end
    end
  end
  out[#out + 1] = calls
  out[#out + 1] = failures
end
return out";
    }
}
