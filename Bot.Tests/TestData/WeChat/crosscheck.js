// Cross-check of ChatPost.Bot.WeChat against the independent npm package wechat-crypto@0.0.2.
// Loads the package from $CHATPOST_NODE_MODULES/node_modules/wechat-crypto.
// stdin:  {"cases":[{"op":"decrypt"|"encrypt"|"sign","token","encodingAesKey","id",
//                    "encrypt"?,"message"?,"timestamp"?,"nonce"?}, ...]}
// stdout: {"results":[{"message","id"} | {"encrypt"} | {"signature"}, ...]} in case order.
'use strict';
const path = require('path');

const root = process.env.CHATPOST_NODE_MODULES;
if (!root) {
  process.stderr.write('CHATPOST_NODE_MODULES is not set\n');
  process.exit(2);
}
const WXBizMsgCrypt = require(path.join(root, 'node_modules', 'wechat-crypto'));

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const results = JSON.parse(input).cases.map(c => {
    const crypto = new WXBizMsgCrypt(c.token, c.encodingAesKey, c.id);
    switch (c.op) {
      case 'decrypt': return crypto.decrypt(c.encrypt);
      case 'encrypt': return { encrypt: crypto.encrypt(c.message) };
      case 'sign': return { signature: crypto.getSignature(c.timestamp, c.nonce, c.encrypt) };
      default: throw new Error('unknown op ' + c.op);
    }
  });
  process.stdout.write(JSON.stringify({ results }));
});
