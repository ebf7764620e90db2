// Activities and rosters in Redis. Every change to a roster is one Lua script, so capacity holds however many
// workers or processes apply sign-ups at once, and the result for the summary reply is queued in the same
// atomic step as the write (nobody is told "已登记" for a write that did not happen, and no result is lost).
import type { Redis } from '../core/storage.ts'

export type ActivityStatus = 'open' | 'closed' | 'cancelled'

export interface Activity {
  id: number
  groupId: string
  title: string
  startAt: number
  place: string
  /** 0 = no limit */
  capacity: number
  /** 0 = until the start */
  deadlineAt: number
  notes: string
  status: ActivityStatus
  hostId: string
  hostName: string
  createdAt: number
  /** Bumped on every change of time, so reminder job ids change with it. */
  version: number
  /** Parent-child activities: does a parent with a child take one place (family) or two (person)? Unset: not known. */
  countRule?: CountRule
  /** What the host said when cancelling it ("场地被占了"), told to those signed up and to whoever asks later. */
  cancelReason?: string
}

export type CountRule = 'person' | 'family'

export type NewActivity = Omit<Activity, 'id' | 'status' | 'createdAt' | 'version' | 'countRule' | 'cancelReason'> & { countRule?: CountRule }

export interface Entry {
  key: string
  name: string
  /** Contact id of the person who owns the entry ('' for names pasted in a 接龙 list). */
  byId: string
  byName: string
  at: number
  seq: number
  state: 'in' | 'wait'
}

export interface Roster {
  confirmed: Entry[]
  waitlist: Entry[]
}

/** One line of the summary reply, produced inside the scripts. */
export interface Outcome {
  op: 'join' | 'leave' | 'promoted' | 'closed'
  name: string
  byId: string
  byName: string
  /** join: in | wait | dup | closed | late | cancelled; leave: removed | notfound */
  status: string
  /** A cancellation carried by an emergency message: applied, but left out of the group's summary (see texts.summary). */
  quiet?: boolean
  state?: 'in' | 'wait'
  pos?: number
}

export interface ApplyResult {
  /** This message was applied before (a retried job): nothing changed. */
  replay: boolean
  /** A new batching window was opened: schedule its summary. */
  opened: boolean
  missing: boolean
  outcomes: Outcome[]
  /** The batching window this change joined: "<n>:<openedAt>". */
  window?: string
}

export interface PersonSlot {
  key: string
  name: string
  /** The entry belongs to the sender (their own name, their family, their guests). */
  own: boolean
}

const COMMON = `
local function fields(k)
  local v = redis.call('HMGET', k, 'status', 'capacity', 'deadlineAt', 'startAt')
  return v[1], tonumber(v[2] or '0'), tonumber(v[3] or '0'), tonumber(v[4] or '0')
end
local function promote(K, cap, out)
  while (cap == 0 or redis.call('ZCARD', K.inz) < cap) and redis.call('ZCARD', K.wait) > 0 do
    local p = redis.call('ZPOPMIN', K.wait)
    redis.call('ZADD', K.inz, p[2], p[1])
    local e = cjson.decode(redis.call('HGET', K.entries, p[1]))
    out[#out + 1] = { op = 'promoted', name = e.name, byId = e.byId, byName = e.byName, status = 'in', state = 'in', pos = redis.call('ZCARD', K.inz) }
  end
end
-- Queues the outcomes for the summary; opens a batching window when none is open and something waits.
local function finish(K, out, now, windowMs, replay)
  for _, r in ipairs(out) do redis.call('RPUSH', K.pending, cjson.encode(r)) end
  local w = redis.call('GET', K.window)
  local opened = false
  if (not w) and redis.call('LLEN', K.pending) > 0 then
    w = redis.call('HINCRBY', K.act, 'windowSeq', 1) .. ':' .. now
    redis.call('SET', K.window, w, 'PX', windowMs)
    opened = true
  end
  local res = { window = w or '', opened = opened, replay = replay }
  if #out > 0 then res.outcomes = out end
  return cjson.encode(res)
end
local K = { act = KEYS[1], entries = KEYS[2], inz = KEYS[3], wait = KEYS[4], owners = KEYS[5], pending = KEYS[6], window = KEYS[7], msgs = KEYS[8] }
local now, msgId, windowMs = tonumber(ARGV[1]), ARGV[2], ARGV[3]
if redis.call('EXISTS', K.act) == 0 then return cjson.encode({ missing = true }) end
if msgId ~= '' then
  if redis.call('HSETNX', K.msgs, msgId, now) == 0 then return finish(K, {}, now, windowMs, true) end
end
`

// ARGV: now, msgId, windowMs, byId, byName, then (key, name, own) triples.
const JOIN = `${COMMON}
local byId, byName = ARGV[4], ARGV[5]
local status, cap, deadline, startAt = fields(K.act)
local reason = nil
if status == 'cancelled' then reason = 'cancelled'
elseif status ~= 'open' then reason = 'closed'
elseif (deadline > 0 and now > deadline) or (startAt > 0 and now > startAt) then reason = 'late' end
local out = {}
for i = 6, #ARGV, 3 do
  local k, name, own = ARGV[i], ARGV[i + 1], ARGV[i + 2] == '1'
  local owner = own and byId or ''
  local r = { op = 'join', name = name, byId = owner, byName = byName }
  local existing = redis.call('HGET', K.entries, k)
  if existing then
    local e = cjson.decode(existing)
    r.name = e.name
    r.status = 'dup'
    if redis.call('ZSCORE', K.inz, k) then r.state = 'in' else r.state = 'wait'; r.pos = (redis.call('ZRANK', K.wait, k) or 0) + 1 end
    -- A pasted 接龙 line names someone who signed up by name only: the sender now owns it.
    if own and e.byId == '' and byId ~= '' then
      e.byId = byId
      redis.call('HSET', K.entries, k, cjson.encode(e))
      redis.call('HINCRBY', K.owners, byId, 1)
    end
  elseif reason then
    r.status = reason
  else
    local seq = redis.call('HINCRBY', K.act, 'seq', 1)
    redis.call('HSET', K.entries, k, cjson.encode({ name = name, byId = owner, byName = byName, at = now, seq = seq }))
    if owner ~= '' then redis.call('HINCRBY', K.owners, owner, 1) end
    if cap == 0 or redis.call('ZCARD', K.inz) < cap then
      redis.call('ZADD', K.inz, seq, k)
      r.status = 'in'; r.state = 'in'; r.pos = redis.call('ZCARD', K.inz)
    else
      redis.call('ZADD', K.wait, seq, k)
      r.status = 'wait'; r.state = 'wait'; r.pos = redis.call('ZCARD', K.wait)
    end
  end
  -- Names from a pasted 接龙 list that are already in: merged silently.
  if not (r.status == 'dup' and not own) then out[#out + 1] = r end
end
return finish(K, out, now, windowMs)
`

// ARGV: now, msgId, windowMs, byId, byName, senderKey, whoKey ('' = all of mine; '=key' = exactly that entry), isHost ('1'/'0'),
// quiet ('1': said beside an emergency; its lines are marked for the summary to leave out, nothing-found says nothing)
const LEAVE = `${COMMON}
local byId, byName, senderKey, whoKey, isHost, quiet = ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8] == '1', ARGV[9] == '1'
local status, cap = fields(K.act)
local out = {}
-- HGETALL's order is the hash table's (seeded per server start once entries outgrow a listpack): the hits are
-- taken in sign-up order (seq), so "已取消报名：张丽、张丽的闺女" reads like the roster, the same on every run.
local all, hits = redis.call('HGETALL', K.entries), {}
for i = 1, #all, 2 do
  local k, e = all[i], cjson.decode(all[i + 1])
  local mine = (byId ~= '' and e.byId == byId) or k == senderKey
  local hit
  if whoKey == '' then hit = mine
  elseif string.sub(whoKey, 1, 1) == '=' then hit = (mine or isHost) and k == string.sub(whoKey, 2)
  else hit = (mine or isHost) and (k == whoKey or string.find(k, whoKey, 1, true) ~= nil) end
  if hit then hits[#hits + 1] = { k = k, e = e } end
end
table.sort(hits, function(a, b) return (tonumber(a.e.seq) or 0) < (tonumber(b.e.seq) or 0) end)
for _, h in ipairs(hits) do
  local k, e = h.k, h.e
  redis.call('HDEL', K.entries, k)
  local wasIn = redis.call('ZREM', K.inz, k) == 1
  redis.call('ZREM', K.wait, k)
  if e.byId ~= '' and redis.call('HINCRBY', K.owners, e.byId, -1) <= 0 then redis.call('HDEL', K.owners, e.byId) end
  local r = { op = 'leave', name = e.name, byId = e.byId, byName = byName, status = 'removed', state = wasIn and 'in' or 'wait' }
  if quiet then r.quiet = true end
  out[#out + 1] = r
end
if #out == 0 and not quiet then out[1] = { op = 'leave', name = byName, byId = byId, byName = byName, status = 'notfound' } end
if status ~= 'cancelled' then promote(K, cap, out) end
return finish(K, out, now, windowMs)
`

// ARGV: now, msgId (''), windowMs, capacity
const RESIZE = `${COMMON}
local cap = tonumber(ARGV[4])
redis.call('HSET', K.act, 'capacity', cap)
local out = {}
local status = redis.call('HGET', K.act, 'status')
if status ~= 'cancelled' then promote(K, cap, out) end
return finish(K, out, now, windowMs)
`

// Moves the pending outcomes of an activity into this window's claimed list (or returns it again on a retry).
// KEYS: pending, claimed, window
const CLAIM = `
if redis.call('EXISTS', KEYS[2]) == 1 then return redis.call('LRANGE', KEYS[2], 0, -1) end
if redis.call('EXISTS', KEYS[1]) == 0 then return {} end
redis.call('RENAME', KEYS[1], KEYS[2])
redis.call('DEL', KEYS[3])
redis.call('EXPIRE', KEYS[2], 86400)
return redis.call('LRANGE', KEYS[2], 0, -1)
`

type Key = (...parts: string[]) => string

const toActivity = (h: Record<string, string>): Activity | undefined =>
  h.id
    ? {
        id: Number(h.id),
        groupId: h.groupId ?? '',
        title: h.title ?? '',
        startAt: Number(h.startAt ?? 0),
        place: h.place ?? '',
        capacity: Number(h.capacity ?? 0),
        deadlineAt: Number(h.deadlineAt ?? 0),
        notes: h.notes ?? '',
        status: (h.status ?? 'open') as ActivityStatus,
        hostId: h.hostId ?? '',
        hostName: h.hostName ?? '',
        createdAt: Number(h.createdAt ?? 0),
        version: Number(h.version ?? 1),
        ...(h.countRule === 'person' || h.countRule === 'family' ? { countRule: h.countRule } : {}),
        ...(h.cancelReason ? { cancelReason: h.cancelReason } : {}),
      }
    : undefined

export class SignupStore {
  constructor(
    readonly redis: Redis,
    private readonly key: Key,
  ) {
    redis.defineCommand('wjSignupJoin', { numberOfKeys: 8, lua: JOIN })
    redis.defineCommand('wjSignupLeave', { numberOfKeys: 8, lua: LEAVE })
    redis.defineCommand('wjSignupResize', { numberOfKeys: 8, lua: RESIZE })
    redis.defineCommand('wjSignupClaim', { numberOfKeys: 3, lua: CLAIM })
  }

  private k(id: number, ...rest: string[]) {
    return this.key('signups', 'act', String(id), ...rest)
  }

  private scriptKeys(id: number): string[] {
    return ['', 'entries', 'in', 'wait', 'owners', 'pending', 'window', 'msgs'].map((s) => (s ? this.k(id, s) : this.k(id)))
  }

  // ---------------------------------------------------------------- activities

  async create(a: NewActivity, now: number): Promise<Activity> {
    const id = await this.redis.incr(this.key('signups', 'seq'))
    const act: Activity = { ...a, id, status: 'open', createdAt: now, version: 1 }
    await this.redis
      .multi()
      .hset(this.k(id), { ...act, seq: 0, windowSeq: 0 })
      .zadd(this.key('signups', 'group', a.groupId), a.startAt, String(id))
      .sadd(this.key('signups', 'live', a.groupId), String(id))
      .exec()
    return act
  }

  async get(id: number): Promise<Activity | undefined> {
    return toActivity(await this.redis.hgetall(this.k(id)))
  }

  async getMany(ids: number[]): Promise<Activity[]> {
    if (ids.length === 0) return []
    const p = this.redis.pipeline()
    for (const id of ids) p.hgetall(this.k(id))
    const res = (await p.exec()) ?? []
    return res.map(([, h]) => toActivity(h as Record<string, string>)).filter((a): a is Activity => !!a)
  }

  /** Activities of a group that are not cancelled and have not started long ago, soonest first. */
  async live(groupId: string, now: number): Promise<Activity[]> {
    const liveKey = this.key('signups', 'live', groupId)
    const ids = (await this.redis.smembers(liveKey)).map(Number)
    const acts = await this.getMany(ids)
    // Kept a few hours past the start, for late questions and cancellations.
    const stale = acts.filter((a) => a.status === 'cancelled' || a.startAt < now - 6 * 3600_000)
    if (stale.length) await this.redis.srem(liveKey, ...stale.map((a) => String(a.id)))
    return acts.filter((a) => !stale.includes(a)).sort((a, b) => a.startAt - b.startAt || a.id - b.id)
  }

  /** Recent and upcoming activities of a group (including closed and cancelled), for 活动列表. */
  async recent(groupId: string, now: number, limit = 10): Promise<Activity[]> {
    const ids = await this.redis.zrangebyscore(this.key('signups', 'group', groupId), now - 7 * 24 * 3600_000, '+inf', 'LIMIT', 0, limit)
    return (await this.getMany(ids.map(Number))).sort((a, b) => a.startAt - b.startAt)
  }

  async update(id: number, patch: Partial<Pick<Activity, 'title' | 'startAt' | 'place' | 'deadlineAt' | 'notes' | 'status' | 'countRule' | 'cancelReason'>>): Promise<Activity | undefined> {
    const before = await this.get(id)
    if (!before) return undefined
    const m = this.redis.multi().hset(this.k(id), patch as Record<string, string | number>)
    if (patch.startAt !== undefined && patch.startAt !== before.startAt) {
      m.hincrby(this.k(id), 'version', 1)
      m.zadd(this.key('signups', 'group', before.groupId), patch.startAt, String(id))
    }
    if (patch.status === 'cancelled') m.srem(this.key('signups', 'live', before.groupId), String(id))
    await m.exec()
    return this.get(id)
  }

  // ---------------------------------------------------------------- rosters

  async join(id: number, opts: { msgId: string; by: { id: string; name: string }; people: PersonSlot[]; now: number; windowMs: number }): Promise<ApplyResult> {
    const args = opts.people.flatMap((p) => [p.key, p.name, p.own ? '1' : '0'])
    const raw = await (this.redis as unknown as Scripts).wjSignupJoin(
      ...this.scriptKeys(id), opts.now, opts.msgId, opts.windowMs, opts.by.id, opts.by.name, ...args,
    )
    return parseResult(raw)
  }

  async leave(id: number, opts: { msgId: string; by: { id: string; name: string }; senderKey: string; whoKey?: string; isHost?: boolean; quiet?: boolean; now: number; windowMs: number }): Promise<ApplyResult> {
    const raw = await (this.redis as unknown as Scripts).wjSignupLeave(
      ...this.scriptKeys(id), opts.now, opts.msgId, opts.windowMs, opts.by.id, opts.by.name, opts.senderKey, opts.whoKey ?? '', opts.isHost ? '1' : '0', opts.quiet ? '1' : '0',
    )
    return parseResult(raw)
  }

  async resize(id: number, capacity: number, now: number, windowMs: number): Promise<ApplyResult> {
    const raw = await (this.redis as unknown as Scripts).wjSignupResize(...this.scriptKeys(id), now, '', windowMs, capacity)
    return parseResult(raw)
  }

  /** Pending outcomes for the summary of `window` (the same list again when retried). */
  async claim(id: number, window: string): Promise<Outcome[]> {
    const items = await (this.redis as unknown as Scripts).wjSignupClaim(this.k(id, 'pending'), this.k(id, 'claimed', window), this.k(id, 'window'))
    return (items as string[]).map((s) => JSON.parse(s) as Outcome)
  }

  async release(id: number, window: string): Promise<void> {
    await this.redis.del(this.k(id, 'claimed', window))
  }

  async roster(id: number): Promise<Roster> {
    const [[, entries], [, inz], [, wait]] = (await this.redis
      .multi()
      .hgetall(this.k(id, 'entries'))
      .zrange(this.k(id, 'in'), '0', '-1')
      .zrange(this.k(id, 'wait'), '0', '-1')
      .exec()) as [[null, Record<string, string>], [null, string[]], [null, string[]]]
    const read = (key: string, state: Entry['state']): Entry => {
      const e = JSON.parse(entries[key] ?? '{}') as Omit<Entry, 'key' | 'state'>
      return { key, state, name: e.name ?? key, byId: e.byId ?? '', byName: e.byName ?? '', at: e.at ?? 0, seq: e.seq ?? 0 }
    }
    return { confirmed: inz.map((k) => read(k, 'in')), waitlist: wait.map((k) => read(k, 'wait')) }
  }

  async counts(id: number): Promise<{ confirmed: number; waiting: number }> {
    const [[, c], [, w]] = (await this.redis.multi().zcard(this.k(id, 'in')).zcard(this.k(id, 'wait')).exec()) as [[null, number], [null, number]]
    return { confirmed: c, waiting: w }
  }

  /** Does this person have an entry (by owner id, or by their own name)? */
  async hasEntry(id: number, person: { id: string; key: string }): Promise<boolean> {
    const [[, owned], [, named]] = (await this.redis
      .multi()
      .hexists(this.k(id, 'owners'), person.id)
      .hexists(this.k(id, 'entries'), person.key)
      .exec()) as [[null, number], [null, number]]
    return owned === 1 || named === 1
  }

  // ---------------------------------------------------------------- group state

  /** Records what the group's latest message was about and returns the one before (for the "+1" rule). */
  async swapLast(groupId: string, rec: LastMessage): Promise<LastMessage | undefined> {
    const prev = await this.redis.set(this.key('signups', 'last', groupId), JSON.stringify(rec), 'EX', 7 * 24 * 3600, 'GET')
    return prev ? (JSON.parse(prev) as LastMessage) : undefined
  }

  async getLast(groupId: string): Promise<LastMessage | undefined> {
    const raw = await this.redis.get(this.key('signups', 'last', groupId))
    return raw ? (JSON.parse(raw) as LastMessage) : undefined
  }

  async setLast(groupId: string, rec: LastMessage): Promise<void> {
    await this.redis.set(this.key('signups', 'last', groupId), JSON.stringify(rec), 'EX', 7 * 24 * 3600)
  }

  // ---------------------------------------------------------------- drafts

  async saveDraft(groupId: string, hostId: string, draft: unknown, ttlSec: number): Promise<void> {
    await this.redis
      .multi()
      .set(this.key('signups', 'draft', groupId, hostId), JSON.stringify(draft), 'EX', ttlSec)
      .set(this.key('signups', 'drafting', groupId), hostId, 'EX', ttlSec)
      .exec()
  }

  /** Whether a host's announcement in the group is a draft awaiting 确认. */
  async drafting(groupId: string): Promise<boolean> {
    return (await this.redis.exists(this.key('signups', 'drafting', groupId))) === 1
  }

  async draft<T>(groupId: string, hostId: string): Promise<T | undefined> {
    const raw = await this.redis.get(this.key('signups', 'draft', groupId, hostId))
    return raw ? (JSON.parse(raw) as T) : undefined
  }

  async dropDraft(groupId: string, hostId: string): Promise<void> {
    await this.redis.del(this.key('signups', 'draft', groupId, hostId), this.key('signups', 'drafting', groupId))
  }
}

export interface LastMessage {
  /** Was the message about an activity (announcement, sign-up, roster, question about it)? */
  related: boolean
  at: number
  /** The activity it was about, when exactly one. */
  activityId?: number
  /** It asked for a number about something else (a poll, 收到请扣1): a bare "1" after it answers that. */
  asks?: boolean
}

interface Scripts {
  wjSignupJoin(...args: (string | number)[]): Promise<string>
  wjSignupLeave(...args: (string | number)[]): Promise<string>
  wjSignupResize(...args: (string | number)[]): Promise<string>
  wjSignupClaim(...args: string[]): Promise<string[]>
}

function parseResult(raw: string): ApplyResult {
  const r = JSON.parse(raw) as { missing?: boolean; replay?: boolean; opened?: boolean; outcomes?: Outcome[] | Record<string, never>; window?: string }
  // cjson encodes an empty Lua table as {}.
  const outcomes = Array.isArray(r.outcomes) ? r.outcomes : []
  return { missing: !!r.missing, replay: !!r.replay, opened: !!r.opened, outcomes, window: r.window || undefined }
}
