// An exception a worker does not catch ends the worker: the parent gets 'error' with (a copy of) the
// exception, then 'exit' with code 1. terminate() ends a worker with code 1 too.
const { Worker } = require('worker_threads');
const log = (s) => console.log(s);
const failing = new Worker(`setTimeout(() => { throw new Error('worker failed'); }, 5);`, { eval: true });
failing.on('error', (e) => log('error event: ' + e.message));
failing.on('exit', (code) => {
  log('failing worker exit code ' + code);
  const looping = new Worker(`setInterval(() => {}, 1000);`, { eval: true });
  looping.on('online', () => {
    log('looping worker online');
    looping.terminate().then((c) => log('terminate resolved with ' + c));
  });
  looping.on('exit', (c) => log('looping worker exit code ' + c));
});
