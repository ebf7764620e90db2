// Words of this kind of question and document that say little about what is asked, shared by the
// covered / not-covered decision (decide.ts) and the question's focus (focus.ts).

/**
 * Words of this kind of document that name the setting rather than the question's point. General language
 * rates them as specific (妇联 10.6, 微家 unknown); they are weak evidence whatever the folder.
 */
export const GENERIC = new Set(
  (
    '妇女 妇联 微家 妇女微家 女性 活动 工作 服务 社区 开展 组织 建设 发展 家庭 群众 基层 街道 村 乡镇 镇 县 区 市 ' +
    '单位 部门 机构 项目 情况 问题 方面 有关 相关 举办 进行 实施 推进 加强 提供 帮助 帮扶 提升 参与 全面 积极'
  ).split(' '),
)

/** Question word plus measure word, as jieba keeps them (几类, 第几次, 哪些地方, 什么样, 怎么分): what is asked, not a word to look for. */
export const QUESTION_WORD = /^(第?几|哪|什么|多少|怎么|怎样|如何|啥|咋)/

/** Question scaffolding that jieba keeps as words but that names nothing to look for ("镇上", "区里": where the asker lives). */
export const SCAFFOLD = new Set(
  (
    '镇上 区里 市里 县里 村上 街上 ' +
    '地方 有人 具体 到底 那种 来着 这块 现在 一共 大概 主要 一般 叫 说 讲 看到 海报 上面 听说 哈哈 那年 今年 去年 明年 这个月 ' +
    // The next one: asked as a detail of its own (detail.ts `next`), not a word the documents must write.
    '下回 下次 下一次 下一期 下期 下一回 ' +
    // What a term means ("“三培两带”是个啥说法,谁能解释下"): the definition answers, and it never says 说法 or 解释.
    '说法 解释 解释一下 解释下 意思 含义 谁能 ' +
    // The kinds of a set asked for ("是指哪五种", "分成哪几类", "具体是哪五种类型"): the members answer, never these.
    '是指 指的是 类型 种类 分成 分为 ' +
    // Courtesy and the documents named as such ("您好，想冒昧请教一下：按照相关文件…", "承蒙解答，不胜感激。另请问，文件中所说的…").
    '您好 你好 请问 请教 冒昧 麻烦 打扰 谢谢 感谢 多谢 承蒙 解答 不胜感激 另 所说 本人 资料 文件 ' +
    // Whether it must be so ("非得是村干部才行"): the modal asks, the documents answer with who may (由…担任).
    '非得'
  ).split(' '),
)

/** A count of kinds asked for ("五种", "三类", "几样"): the shape of the answer, not a word it writes. */
export const KINDS_COUNT = /^[一二三四五六七八九十两几]+(?:种|类|样|项|大类)$/u
