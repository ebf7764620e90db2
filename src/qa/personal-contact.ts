// A question for someone's own phone or WeChat ("王芳电话多少来着") is no question for the documents, and the bot
// never gives one out. Pure.
/** Common surnames, and the ways the group calls one another (李姐, 刘阿姨, 王老师). */
const PERSON = /(?:^|[\s，,：:@])(?:[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤][\p{Script=Han}]{1,2}|小[\p{Script=Han}]|老[\p{Script=Han}])(?:姐|阿姨|大姐|老师|主任)?(?:的)?(?:电话|手机|手机号|微信|微信号|号码|联系方式)(?:是)?(?:多少|是啥|给我|发我|有吗|有没有)/u
/** Offices and hotlines are asked the same way ("妇联电话多少"): those the documents may answer. */
const OFFICE = /妇联|社区|街道|居委|村委|法院|派出所|医院|中心|热线|服务站|办公室|工作站|卫生院|司法|民政|微家/u

export function asksPersonalContact(question: string): boolean {
  const m = PERSON.exec(question)
  return !!m && !OFFICE.test(m[0])
}
