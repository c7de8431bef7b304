// A SharedArrayBuffer is shared with a worker, not copied. The main thread may not block, so it waits
// with Atomics.waitAsync: a promise that a notify from the worker resolves, while the loop runs on.
const { Worker } = require('worker_threads');
const log = (s) => console.log(s);
const shared = new Int32Array(new SharedArrayBuffer(8));
const notEqual = Atomics.waitAsync(shared, 1, 5);
log('waitAsync on a value that differs: async=' + notEqual.async + ' value=' + notEqual.value);
const timed = Atomics.waitAsync(shared, 1, 0, 5);
timed.value.then((v) => log('waitAsync with a 5 ms timeout: ' + v));
const waiting = Atomics.waitAsync(shared, 0, 0);
log('waitAsync on index 0: async=' + waiting.async);
waiting.value.then((v) => {
  log('waitAsync resolved: ' + v + ', and the worker wrote ' + Atomics.load(shared, 0) + ' into the shared memory');
});
const worker = new Worker(`
  const { workerData } = require('worker_threads');
  const ia = new Int32Array(workerData);
  setTimeout(() => { Atomics.store(ia, 0, 42); Atomics.notify(ia, 0, 1); }, 200);
`, { eval: true, workerData: shared.buffer });
worker.on('exit', (code) => log('worker exited with code ' + code));
let ticks = 0;
const beat = setInterval(() => { if (++ticks === 3) { log('the loop kept running while waiting'); clearInterval(beat); } }, 20);
