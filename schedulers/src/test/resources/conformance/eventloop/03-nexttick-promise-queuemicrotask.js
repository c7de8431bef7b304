// The whole nextTick queue drains (ticks queued by ticks included) before any promise job; the promise
// queue (promise jobs and queueMicrotask alike, in order) then drains completely, even when a job queues
// a tick; then the ticks run again.
const log = (s) => console.log(s);
Promise.resolve().then(() => {
  log('promise 1');
  process.nextTick(() => log('tick queued by promise 1'));
  queueMicrotask(() => log('microtask queued by promise 1'));
});
queueMicrotask(() => log('queueMicrotask 1'));
process.nextTick(() => {
  log('tick 1');
  Promise.resolve().then(() => log('promise queued by tick 1'));
  process.nextTick(() => log('tick queued by tick 1'));
});
process.nextTick(() => log('tick 2'));
log('main');
