// Node's side of TimerMemoryBenchmark: heap held per pending timer with a million timers pending,
// 1,000 different durations (1 s to 1,000 s), one shared callback; nothing but Node's own lists
// holds the timers. One measurement per process (compare.sh runs several). Run with --expose-gc.
const TIMERS = 1000000;
function used() { for (let i = 0; i < 3; i++) global.gc(); return process.memoryUsage().heapUsed; }
const callback = () => {};
const before = used();
for (let i = 0; i < TIMERS; i++) setTimeout(callback, 1000 + (i % 1000) * 1000);
const after = used();
console.log(JSON.stringify({ benchmark: 'bytesPerTimer', unit: 'B/timer', value: (after - before) / TIMERS }));
process.exit(0);
