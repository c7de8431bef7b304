// Immediates queued while the check phase runs wait for the next iteration; ticks and promise jobs run
// between immediates of one batch.
const fs = require('fs');
const log = (s) => console.log(s);
fs.readFile(__filename, () => {
  setImmediate(() => {
    log('immediate A');
    Promise.resolve().then(() => log('promise after A'));
    setImmediate(() => log('immediate C (queued by A: next iteration)'));
  });
  setImmediate(() => {
    log('immediate B');
    process.nextTick(() => log('tick after B'));
  });
  setTimeout(() => log('timeout 0 (next iteration\'s timers phase, before C)'), 0);
  const until = Date.now() + 3; while (Date.now() < until) { /* make the 1 ms timer due before the check phase ends */ }
});
