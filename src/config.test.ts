import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, loadEnv, parseConfig } from './config.ts'

const group = { id: 'g1', match: { topic: '幸福里妇女微家' }, name: '幸福里妇女微家', type: '网格睦邻' }

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn()
  } catch (err) {
    if (err instanceof ConfigError) return err
    throw err
  }
  throw new Error('expected a ConfigError')
}

describe('config', () => {
  it('loads the committed example and fills defaults', () => {
    const cfg = loadConfig('config/weijia.example.yaml')
    expect(cfg.groups[0]?.hosts).toEqual(['李姐'])
    expect(cfg.outbox.roomIntervalMs).toBeGreaterThanOrEqual(1500)
    expect(cfg.groups[0]?.quietHours).toEqual({ start: '21:30', end: '07:30' })
    expect(Object.isFrozen(cfg.groups[0])).toBe(true)
  })

  it('names the field path and what is wrong', () => {
    const err = errorOf(() => parseConfig({ groups: [{ ...group, hosts: '李姐' }] }))
    expect(err.issues).toHaveLength(1)
    expect(err.issues[0]).toMatch(/^groups\.0\.hosts: .*array/)
  })

  it('rejects an unknown group type, listing the valid ones', () => {
    const err = errorOf(() => parseConfig({ groups: [{ ...group, type: '读书会' }] }))
    expect(err.issues[0]).toMatch(/^groups\.0\.type: .*学习引领/)
  })

  it('rejects a malformed quiet hour and a misspelt key', () => {
    const err = errorOf(() => parseConfig({ groups: [{ ...group, quietHours: { start: '9:30', end: '07:30' }, hostz: [] }] }))
    expect(err.message).toContain('groups.0.quietHours.start: expected HH:MM')
    expect(err.message).toMatch(/groups\.0: .*hostz/)
  })

  it('rejects duplicate group ids and an empty group list', () => {
    expect(errorOf(() => parseConfig({ groups: [group, group] })).issues).toContain('groups.1.id: duplicate group id "g1"')
    expect(errorOf(() => parseConfig({ groups: [] })).issues[0]).toMatch(/^groups: at least one group/)
  })

  it('reports YAML syntax errors and a missing file with the path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wjcfg-'))
    const bad = join(dir, 'bad.yaml')
    writeFileSync(bad, 'groups: [\n  - id: x\n')
    expect(errorOf(() => loadConfig(bad)).message).toContain(`${bad} is not valid YAML`)
    expect(errorOf(() => loadConfig(join(dir, 'none.yaml'))).message).toContain('Config file not found')
  })

  it('validates the environment', () => {
    expect(loadEnv({ REDIS_URL: '', LOG_LEVEL: 'debug' })).toMatchObject({ REDIS_URL: undefined, LOG_LEVEL: 'debug' })
    expect(errorOf(() => loadEnv({ REDIS_URL: 'not a url' })).issues[0]).toMatch(/^REDIS_URL: /)
  })
})

describe('capability sections', () => {
  it('are validated by their capability, naming the field', async () => {
    const { signupSettings } = await import('./signups/settings.ts')
    const cfg = parseConfig({ groups: [group], signups: { batchWindowMs: 'soon' } })
    expect(() => signupSettings(cfg)).toThrow(/signups\.batchWindowMs: .*number/)
    expect(signupSettings(parseConfig({ groups: [group] })).batchWindowMs).toBe(3000)
  })
})
