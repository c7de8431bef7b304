// With an 'uncaughtException' handler, an exception thrown by a callback is reported and the loop goes
// on; the timer that threw is done, the others still run.
const log = (s) => console.log(s);
process.on('uncaughtException', (e) => log('uncaught: ' + e.message));
setTimeout(() => { log('timer 1 throws'); throw new Error('from timer 1'); }, 1);
setTimeout(() => log('timer 2 still runs'), 1);
process.nextTick(() => { throw new Error('from a tick'); });
queueMicrotask(() => { throw new Error('from a microtask'); });
setImmediate(() => log('immediate still runs'));
log('main');
const until = Date.now() + 5; while (Date.now() < until) { /* the 1 ms timers are due before the loop starts */ }
