// Node's side of EventLoopBenchmark.promiseHop: a chain of 100,000 thens off a resolved promise,
// drained by the microtask queue; ns per hop. Prints one median over ROUNDS rounds (after warm-up).
const HOPS = 100000;
const ROUNDS = Number(process.argv[2] || 30);
function round() {
  return new Promise((done) => {
    const start = process.hrtime.bigint();
    let p = Promise.resolve(0);
    for (let i = 0; i < HOPS; i++) p = p.then((v) => v + 1);
    p.then(() => done(Number(process.hrtime.bigint() - start) / HOPS));
  });
}
(async () => {
  const times = [];
  for (let r = 0; r < ROUNDS + 5; r++) {
    const t = await round();
    if (r >= 5) times.push(t);
    await new Promise((r2) => setImmediate(r2)); // let the loop breathe between rounds
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ benchmark: 'promiseHop', unit: 'ns/op', median: times[times.length >> 1], min: times[0], rounds: times.length }));
})();
