// What the bot says in chat about the console (the pages' own Chinese text lives in views/).
export const consoleTexts = {
  link: (url: string, minutes: number) =>
    `微家助手控制台登录链接（${minutes}分钟内有效，只能使用一次，请勿转发）：\n${url}\n在手机或电脑浏览器里打开即可。`,
  notForYou: '抱歉，控制台只对本微家的工作人员、微家主人和督办人开放。有需要可以直接在这里问我，或联系微家主人。',
  privateOnly: '控制台登录链接只在私聊里发送，请私聊我「控制台」。',
  disabled: '控制台暂未开启，请联系管理员。',
}
