import { describe, expect, it } from 'vitest'
import { parseConfig } from '../config.ts'
import { roleAnywhere, roleInGroup } from './roles.ts'

const config = parseConfig({
  groups: [
    { id: 'a', match: { topic: 'A' }, name: 'A', type: '网格睦邻', hosts: ['李姐'], staff: ['wxid_wang'] },
    { id: 'b', match: { roomId: 'r@chatroom' }, name: 'B', type: '创业指导', hosts: ['小王'] },
  ],
})

describe('roles', () => {
  it('takes roles from config by name or contact id', () => {
    const a = config.groups[0]
    expect(roleInGroup(a, { id: 'x', name: '李姐' })).toBe('host')
    expect(roleInGroup(a, { id: 'wxid_wang', name: '小王' })).toBe('staff')
    expect(roleInGroup(a, { id: 'y', name: '王芳' })).toBe('resident')
    expect(roleInGroup(undefined, { id: 'x', name: '李姐' })).toBe('resident')
    expect(roleInGroup({ ...a!, supervisor: '张主任' }, { id: 's', name: '张主任' })).toBe('staff')
  })
  it('in private chat uses the highest role held anywhere', () => {
    expect(roleAnywhere(config, { id: 'wxid_wang', name: '小王' })).toMatchObject({ role: 'staff', group: { id: 'a' } })
    expect(roleAnywhere(config, { id: 'z', name: '王芳' })).toEqual({ role: 'resident' })
  })
})
