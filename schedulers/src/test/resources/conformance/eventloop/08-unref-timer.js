// An unref'd timer or interval does not keep the loop alive: the process ends after the ref'd timer.
const log = (s) => console.log(s);
process.on('exit', (code) => log('exit ' + code));
setTimeout(() => log('unref timeout must not run'), 500).unref();
setInterval(() => log('unref interval must not run'), 300).unref();
const t = setTimeout(() => log('re-ref\'d timeout runs'), 15);
t.unref();
t.ref();
setTimeout(() => log('ref timeout 10ms'), 10);
log('main');
