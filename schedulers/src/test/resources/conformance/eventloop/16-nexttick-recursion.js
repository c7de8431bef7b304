// A nextTick queued by a tick still runs before any promise job: the tick queue drains completely first.
const log = (s) => console.log(s);
let depth = 0;
function tick() {
  log('tick ' + depth);
  if (++depth < 4) process.nextTick(tick);
}
Promise.resolve().then(() => log('promise'));
process.nextTick(tick);
setImmediate(() => log('immediate'));
