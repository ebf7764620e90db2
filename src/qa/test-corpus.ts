// A small knowledge folder for tests (written to a temp dir), independent of the sample documents.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const CORPUS: Record<string, string> = {
  '托管服务.md': `# 儿童课后托管服务

## 一、课后托管

社区依托妇女微家开设“四点半课堂”等课后托管服务，由志愿者照看孩子写作业。托管时间一般为工作日下午4点半到6点半。

## 二、暑期托管

暑假期间，妇联联合共青团开设爱心暑托班，面向双职工家庭的小学生，报名请联系微家主人。
`,
  '就业帮扶.txt': `就业帮扶与技能培训

一、失业登记
失去工作的，可以到街道就业服务窗口办理失业登记，享受职业介绍和就业帮扶。

二、技能培训
妇联定期举办巾帼家政、育婴师、电商直播等职业技能培训，培训合格可申领职业技能培训补贴。
`,
  '法律/法律援助.md': `# 法律援助

## 一、申请条件

经济困难、请不起律师的，可以向法律援助中心申请免费法律服务。遭受家庭暴力的妇女申请法律援助，不受经济困难条件限制。

## 二、咨询电话

拨打12348公共法律服务热线咨询。
`,
  '家庭暴力.md': `# 反家庭暴力

## 一、遇到家庭暴力怎么办

正在遭受家庭暴力时，立即拨打110报警。受害人可以向人民法院申请人身安全保护令，法院应当在72小时内作出裁定，情况紧急的在24小时内作出。

## 二、妇联的帮助

妇女联合会可以代为申请人身安全保护令，也可以拨打12338妇女维权公益服务热线求助。
`,
  'eval/qa.jsonl': '{"q":"孩子放学没人管","must":["四点半课堂"]}\n',
  'glossary.txt': '# 测试用扩展词表\n娃儿 没人带 | 课后托管, 暑托班\n',
}

export async function writeCorpus(files: Record<string, string> = CORPUS): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wj-kb-'))
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true })
    await writeFile(join(dir, name), text)
  }
  return dir
}
