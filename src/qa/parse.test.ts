import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { parseFile } from './parse.ts'

async function tmp(name: string, data: string | Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wj-parse-'))
  const path = join(dir, name)
  await writeFile(path, data)
  return path
}

/** A minimal .docx: one Heading1 paragraph and two body paragraphs. */
async function tinyDocx(): Promise<Buffer> {
  const zip = new JSZip()
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`)
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`)
  const p = (text: string, style?: string) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${p('创业担保贷款', 'Heading1')}${p('申请条件', 'Heading2')}${p('个人贷款额度最高30万元，财政给予贴息。')}</w:body></w:document>`)
  return zip.generateAsync({ type: 'nodebuffer' })
}

/** A small hand-built PDF (Helvetica text, correct xref offsets). */
function tinyPdf(lines: string[]): Buffer {
  const content = `BT /F1 12 Tf 72 720 Td 16 TL ${lines.map((l) => `(${l}) Tj T*`).join(' ')} ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(out.length)
    out += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

describe('parsing files', () => {
  it('reads markdown: title from "# ", emphasis and quotes stripped, headings kept', async () => {
    const doc = await parseFile(await tmp('指南.md', '# 服务指南\n\n> 引言说明。\n\n## 一、家接待\n\n1. **微家主人**：负责接待；\n'))
    expect(doc.title).toBe('服务指南')
    expect(doc.text).toContain('## 一、家接待')
    expect(doc.text).toContain('1. 微家主人：负责接待；')
    expect(doc.text).not.toMatch(/\*\*|^>/m)
  })

  it('reads a saved web page: headings kept, navigation, scripts and footer gone', async () => {
    const html = await readFile(new URL('./fixtures/web-page.html', import.meta.url), 'utf8')
    const doc = await parseFile(await tmp('page.html', html))
    expect(doc.title).toBe('县妇联开展困难妇女帮扶')
    expect(doc.text).toContain('一、帮扶对象')
    expect(doc.text).toContain('低保家庭中的妇女')
    expect(doc.text).toContain('婦女維權公益服務熱線12338')
    for (const noise of ['手机版', '打印本页', '扫一扫', '相关文章', '13800000000', 'function', '版权所有', 'http', '發揮(', '20xx', '***']) {
      expect(doc.text, noise).not.toContain(noise)
    }
  })

  it('reads .docx with Word heading styles as headings', async () => {
    const doc = await parseFile(await tmp('贷款.docx', await tinyDocx()))
    expect(doc.title).toBe('创业担保贷款')
    expect(doc.text).toContain('## 申请条件')
    expect(doc.text).toContain('个人贷款额度最高30万元，财政给予贴息。')
  })

  it('reads .pdf text', async () => {
    const doc = await parseFile(await tmp('aid.pdf', tinyPdf(['Legal aid guide', 'Call the hotline 12348 for free legal advice.'])))
    expect(doc.title).toBe('Legal aid guide')
    expect(doc.text).toContain('12348 for free legal advice.')
  })

  it('reports a broken file with a reason', async () => {
    await expect(parseFile(await tmp('broken.pdf', 'this is not a pdf'))).rejects.toThrow(/not a readable PDF/)
    await expect(parseFile(await tmp('broken.docx', 'PK garbage'))).rejects.toThrow(/not a readable \.docx/)
  })
})

describe('titles of plain-text files', () => {
  it('a title past an advertisement line; a file named by a code has no title rather than the code', async () => {
    const ad = await tmp('001_c973c83b884d916f.txt', '线上期刊服务咨询，发表咨询：400-808-1701 订阅咨询：400-808-1721\n\n社区妇联活动工作计划8篇\n\n一、工作目标\n做好社区妇女工作。')
    expect((await parseFile(ad)).title).toBe('社区妇联活动工作计划8篇')
    const none = await tmp('003_9eac8f351c49447f.txt', '人生天地之间，若白驹过隙，忽然而已，我们的工作又迈入新的阶段，该制定一个计划了。\n一、完善机制\n夯实组织根基。')
    expect((await parseFile(none)).title).toBe('')
    expect((await parseFile(none)).name).toBeUndefined()
    // What is indexed with the passages stays as it was (the first title-like line, else the file's name).
    expect((await parseFile(none)).indexTitle).toBe('003')
    expect((await parseFile(ad)).indexTitle).toBe('001')
    const named = await tmp('两癌筛查须知.txt', '筛查对象为35至64岁的妇女，每人每年一次，免费筛查，请携带身份证。')
    expect((await parseFile(named)).title).toBe('两癌筛查须知')
  })

  it('a page without a title line is shown by what its opening says it is, or by the first plan glued into it; indexed as before', async () => {
    // 003 of the real documents: a template site's page, in Traditional characters.
    const templates = await tmp('003_9eac8f351c49447f.txt', '人生天地之間，若白駒過隙，忽然而已。以下小編在這給大家整理了一些婦女工作計劃模板，希望對大家有幫助！\n一、完善機制\n夯實組織根基。')
    expect((await parseFile(templates)).name).toBe('婦女工作計劃')
    // Shown only: the title follow-ups lean on, and the one indexed, are as before.
    expect((await parseFile(templates)).title).toBe('')
    expect((await parseFile(templates)).indexTitle).toBe('003')
    const glued = await tmp('005_0123456789abcdef.txt', '人生天地之间，若白驹过隙。\n一、完善机制\n根据妇女发展和维权工作实际，市妇联对工作提出以下工作计划：加强调查研究。')
    expect((await parseFile(glued)).name).toBe('市妇联工作计划')
    expect((await parseFile(glued)).indexTitle).toBe('005')
  })
})
