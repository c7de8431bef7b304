// Node's side of EventLoopBenchmark.immediateHop: 100,000 setImmediate callbacks each queuing the
// next (one loop iteration each); ns per hop. Prints one median over ROUNDS rounds (after warm-up).
const HOPS = 100000;
const ROUNDS = Number(process.argv[2] || 30);
function round() {
  return new Promise((done) => {
    const start = process.hrtime.bigint();
    let count = 0;
    const next = () => {
      if (++count < HOPS) setImmediate(next);
      else done(Number(process.hrtime.bigint() - start) / HOPS);
    };
    setImmediate(next);
  });
}
(async () => {
  const times = [];
  for (let r = 0; r < ROUNDS + 3; r++) {
    const t = await round();
    if (r >= 3) times.push(t);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ benchmark: 'immediateHop', unit: 'ns/op', median: times[times.length >> 1], min: times[0], rounds: times.length }));
})();
