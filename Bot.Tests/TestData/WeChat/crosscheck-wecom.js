// Cross-check of ChatPost.Bot.WeChat against the independent npm package @wecom/crypto@1.0.1 (WeCom's own), with the
// 智能机器人's receive id "". Loads the package from $CHATPOST_NODE_MODULES/node_modules/@wecom/crypto.
// stdin:  {"cases":[{"op":"decrypt"|"encrypt"|"sign","token","encodingAesKey","id","encrypt"?,"message"?,"timestamp"?,"nonce"?}, ...]}
// stdout: {"results":[{"message","id"} | {"encrypt"} | {"signature"}, ...]} in case order.
'use strict';
const path = require('path');

const root = process.env.CHATPOST_NODE_MODULES;
if (!root) {
  process.stderr.write('CHATPOST_NODE_MODULES is not set\n');
  process.exit(2);
}
const wecom = require(path.join(root, 'node_modules', '@wecom', 'crypto'));

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const results = JSON.parse(input).cases.map(c => {
    switch (c.op) {
      case 'decrypt': { const { message, id } = wecom.decrypt(c.encodingAesKey, c.encrypt); return { message, id }; }
      case 'encrypt': return { encrypt: wecom.encrypt(c.encodingAesKey, c.message, c.id) };
      case 'sign': return { signature: wecom.getSignature(c.token, c.timestamp, c.nonce, c.encrypt) };
      default: throw new Error('unknown op ' + c.op);
    }
  });
  process.stdout.write(JSON.stringify({ results }));
});
