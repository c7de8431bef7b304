// An async function runs synchronously up to its first await; the rest runs as a microtask.
const log = (s) => console.log(s);
async function task(name) {
  log(name + ' starts');
  await null;
  log(name + ' after first await');
  await new Promise((r) => setTimeout(r, 1));
  log(name + ' after a timer');
  return name + ' result';
}
task('A').then((v) => log('A resolved with ' + v));
task('B');
Promise.resolve().then(() => log('a promise job queued after both started'));
log('main continues');
