// A worker has its own thread and loop; postMessage copies the value (structured clone), so the
// receiver's changes do not reach the sender's object.
const { Worker } = require('worker_threads');
const log = (s) => console.log(s);
const worker = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.on('message', (msg) => {
    msg.items.push('added by worker');
    parentPort.postMessage({ reply: msg.n + 1, items: msg.items, sawMain: msg.from });
    parentPort.close();
  });
`, { eval: true });
const sent = { n: 41, from: 'main', items: ['a', 'b'] };
worker.on('message', (m) => {
  log('main got reply ' + m.reply + ' with items ' + m.items.join(','));
  log('worker saw a message from ' + m.sawMain);
  log('sender\'s object unchanged: ' + sent.items.join(','));
});
worker.on('exit', (code) => log('worker exited with code ' + code));
worker.postMessage(sent);
sent.items.push('added after posting');
log('posted');
