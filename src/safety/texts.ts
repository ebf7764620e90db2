// User-facing text of the safety capability: fraud warnings, voice notes and pictures, what the bot is.
export const safetyTexts = {
  /** In the group, under a deposit or transfer request: short, names no one, repeats no number. */
  fraudWarning:
    '【防骗提醒】妇联和微家从不在群里收押金、手续费、保证金，也不会让大家转账、扫码、私下交钱，或在群里、链接里填身份证号和银行卡号。凡是要先交钱、先填卡号的"补贴""名额"，请一律不要理会，有疑问找微家主人或拨打12338核实；已经转了钱请马上拨打110。',
  /** Asked in private whether such a request is real. */
  fraudAnswer:
    '这很可能是诈骗。妇联和微家办理补贴、筛查、培训都不收押金、手续费或保证金，也不会让您转账、扫码、加陌生人交钱，或在链接里填身份证号、银行卡号。请不要转账、不要填；拿不准可以问微家主人或拨打12338核实，已经转了钱请马上拨打110报警。',
  /** Being talked through a scam right now: stop first. */
  fraudInProgress:
    '请马上停下：不要开屏幕共享，不要下载对方让装的软件，不要把验证码告诉任何人——这是常见的诈骗手法，正规退款不需要这些。已经操作了的，马上拨打110或反诈专线96110，并打银行客服冻结账户、修改密码。需要人陪您一起处理，可以私聊我转给工作人员。',
  /**
   * She has already paid: the urgent steps first (she may read no further), then whether the money comes back — said
   * honestly, since she asked — then the rest.
   */
  fraudVictim: [
    '请马上：1. 拨打110报警，或反诈专线96110；2. 立刻打银行客服电话（银行卡背面有），用微信、支付宝转的就找微信、支付宝客服，说明被骗，申请止付、冻结。',
    '钱能不能追回，要看警方和银行的处理，没法保证；越早报警、止付，机会越大。',
    '转账记录、聊天记录和对方的账号、号码都留着，不要删；对方再要钱、要验证码，一律不要给。妇联和微家从不收手续费、保证金，这类"补贴"是诈骗。需要人陪您一起处理，可以私聊我转给工作人员。',
  ].join('\n'),
  /** To the group's hosts, privately. */
  fraudHost: (group: string, who: string) =>
    `【防骗提醒】${group}里${who}刚发了一条要求交钱或转账的消息，像是诈骗。我已在群里提醒大家不要转账，请您看一下，必要时撤回或移出。`,
  /** A voice note, a picture, or a message about one: the bot cannot hear or see it and guesses nothing. */
  media: '抱歉，我听不了语音，也看不了图片和视频，不知道里面说的是什么。麻烦您用文字打出来，我马上帮您。',
  /** Small talk said to the bot: thanks, a greeting, anything else (one short line, nothing searched). */
  smalltalk: (text: string) =>
    /找谁|问谁|问哪|该找|跟谁说|找哪/u.test(text)
      ? '活动和群里的事可以@微家主人；需要工作人员的话回复「转人工」，我帮您转过去。'
      : /谢|感谢|辛苦|多亏/u.test(text)
      ? '不客气😊 有事随时找我。'
      : /你好|您好|早上好|早安|晚上好|哈喽|hello|hi\b/iu.test(text)
        ? '您好！我是微家小助手，可以问政策和服务、报名活动，也可以私下说说需要什么帮助。发「你会啥」看看我能做什么。'
        : '我在呢。想问政策和服务、报名活动，或者需要帮助，直接说就行；发「你会啥」看看我能做什么。',
  /** "你真厉害": a short thanks that closes the exchange. */
  praised: '谢谢夸奖😊 有事随时找我。',
  /** "在吗", "有人吗": only whether the bot is there; she says what she needs next. */
  present: '在的，有什么可以帮您？',
  /** What the bot does and how privacy works. */
  about: (bot: string) =>
    [
      `我是${bot}，微家的小助手（自动回复，不是真人）。我能：`,
      '1. 回答政策和服务问题（从微家的资料里找，有出处）；',
      '2. 活动报名、取消、看名单，提醒大家参加活动；',
      '3. 需要帮助时，私下帮您转给微家的工作人员。',
      '隐私：私聊内容别人看不到；只有您同意后，我才把您的情况转给负责的工作人员，群里不会提。办结后的记录按规定定期删除。要找真人，回复「转人工」。遇到危险请先拨打110。',
    ].join('\n'),
}
