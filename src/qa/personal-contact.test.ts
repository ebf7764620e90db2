import { describe, expect, it } from 'vitest'
import { asksPersonalContact } from './personal-contact.ts'

describe("someone's own phone or WeChat", () => {
  it('is asked by name or by what the group calls her; offices and hotlines are not', () => {
    for (const q of ['王芳电话多少来着', '李姐微信发我一下', '@小助手 刘阿姨手机号多少', '张丽的电话是多少']) expect(asksPersonalContact(q)).toBe(true)
    for (const q of ['妇联电话多少', '法律援助中心电话是多少', '12338是什么电话', '社区居委会电话给我一个']) expect(asksPersonalContact(q)).toBe(false)
  })
})
