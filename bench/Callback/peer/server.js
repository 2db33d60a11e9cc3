// The peer: node-webot's `wechat` middleware on Express 4, in safe mode with the bench's account, answering every
// text push with one fixed text (encrypted, as ChatPost answers). Settings come from the environment run.sh sets.
const express = require('express');
const wechat = require('wechat');

const config = {
  token: process.env.WECHAT_TOKEN,
  appid: process.env.WECHAT_APPID,
  encodingAESKey: process.env.WECHAT_AES_KEY,
  checkSignature: true,
};

const app = express();
app.get('/healthz', (req, res) => res.send('Healthy'));
app.use('/wechat/mp', wechat(config).text((message, req, res) => {
  res.reply('邮件查询：您的邮件正在投递中，请耐心等待。');
}).middlewarify());

const port = Number(process.env.PORT || 3000);
app.listen(port, '127.0.0.1', () => console.log(`peer listening on 127.0.0.1:${port}`));
