// Since Node 11, ticks and microtasks run after each timer callback, not after the whole timers phase.
const log = (s) => console.log(s);
setTimeout(() => {
  log('timer 1');
  process.nextTick(() => log('tick from timer 1'));
  Promise.resolve().then(() => log('promise from timer 1'));
}, 5);
setTimeout(() => {
  log('timer 2');
  process.nextTick(() => log('tick from timer 2'));
  Promise.resolve().then(() => log('promise from timer 2'));
}, 5);
