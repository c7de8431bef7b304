// Timers run in order of due time, and timers due together in the order they were set. The main script
// spins 40 ms so every timer is already due when the loop starts: the order is the timers' own.
const log = (s) => console.log(s);
setTimeout(() => log('a 20ms'), 20);
setTimeout(() => log('b 10ms'), 10);
setTimeout(() => log('c 10ms'), 10);
setTimeout(() => log('d 20ms'), 20);
setTimeout(() => log('e 0ms (1ms)'), 0);
setTimeout(() => log('f 1ms'), 1);
setTimeout(() => log('g 15ms'), 15);
const until = Date.now() + 40; while (Date.now() < until) { /* spin */ }
log('main done');
