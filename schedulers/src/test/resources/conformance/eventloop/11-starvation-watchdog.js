// A recursive promise chain starves the loop: the 10 ms timer cannot run while the chain goes on. A
// watchdog on another thread (here a worker watching a heartbeat the loop writes in every timers phase)
// sees the loop stuck and raises a flag in shared memory; the chain checks the flag and stops; only then
// does the timer run. sab's EventLoop has this watchdog built in (EventLoopOptions.watchdog).
const { Worker } = require('worker_threads');
const log = (s) => console.log(s);

const shared = new Int32Array(new SharedArrayBuffer(12)); // [0] heartbeat, [1] stalled flag, [2] worker ready
const watchdog = new Worker(`
  const { workerData } = require('worker_threads');
  const s = new Int32Array(workerData);
  Atomics.store(s, 2, 1);
  let last = Atomics.load(s, 0), since = Date.now();
  const timer = setInterval(() => {
    const beat = Atomics.load(s, 0);
    if (beat !== last) { last = beat; since = Date.now(); return; }
    if (Date.now() - since >= 200) { Atomics.store(s, 1, 1); clearInterval(timer); }
  }, 10);
`, { eval: true, workerData: shared.buffer });

function startWhenWatched() {
  if (Atomics.load(shared, 2) === 0) { setTimeout(startWhenWatched, 5); return; }
  const heartbeat = setInterval(() => Atomics.add(shared, 0, 1), 5);
  setTimeout(() => { log('timer ran'); clearInterval(heartbeat); }, 10);
  log('starving the loop with a recursive promise chain');
  let hops = 0;
  const starve = () => Promise.resolve().then(() => {
    hops++;
    if (Atomics.load(shared, 1) === 1) { log('watchdog: loop starved, stopping the chain'); return; }
    starve();
  });
  starve();
}
startWhenWatched();
