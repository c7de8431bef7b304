// What postMessage copies: nested collections deeply, shared references and cycles as shared
// references, dates as new dates, errors with their message; a function cannot be cloned at all.
const { Worker } = require('worker_threads');
const log = (s) => console.log(s);
const worker = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.on('message', (m) => {
    parentPort.postMessage({
      sameListTwice: m.a === m.b,
      cycle: m.self.self === m.self,
      mapValue: m.map.get('k').join('+'),
      setSize: m.set.size,
      dateYear: m.date.getUTCFullYear(),
      errorMessage: m.error.message,
    });
    parentPort.close();
  });
`, { eval: true });
const shared = [1, 2];
const self = {};
self.self = self;
try {
  worker.postMessage({ fn: () => 1 });
} catch (e) {
  log('posting a function: ' + e.name);
}
worker.postMessage({ a: shared, b: shared, self, map: new Map([['k', [3, 4]]]), set: new Set([1, 2, 2, 3]),
  date: new Date(Date.UTC(2024, 0, 1)), error: new Error('boom') });
worker.on('message', (r) => {
  for (const [k, v] of Object.entries(r)) log(k + ': ' + v);
});
worker.on('exit', (code) => log('exit ' + code));
